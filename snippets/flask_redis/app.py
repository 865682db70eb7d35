import os

from flask import Flask
from redis import Redis

app = Flask(__name__)
# "redis" is the service name in compose.yaml
redis = Redis(host=os.environ.get("REDIS_HOST", "redis"),
              port=int(os.environ.get("REDIS_PORT", "6379")))

@app.get("/")
def hello():
    count = redis.incr("hits")
    return f"Hello from Docker! This page has been seen {count} times.\n"
