import os

from flask import Flask
from redis import Redis

app = Flask(__name__)
host = os.getenv("REDIS_HOST", "redis")
port = int(os.getenv("REDIS_PORT", "6379"))
redis = Redis(host=host, port=port)

@app.get("/")
def hello():
    count = redis.incr("hits")
    return f"Hello! Visits so far: {count}\n"
