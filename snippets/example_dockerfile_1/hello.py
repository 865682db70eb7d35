print("Hello from a Docker container!")
