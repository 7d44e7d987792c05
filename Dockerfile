# The stkg API image (used by docker-compose.yml).
FROM python:3.11-slim
WORKDIR /app
COPY pyproject.toml README.md ./
COPY stkg ./stkg
COPY config ./config
COPY graph ./graph
COPY ontology ./ontology
COPY ingest ./ingest
COPY api ./api
COPY queries ./queries
RUN pip install --no-cache-dir .
ENV STKG_API_HOST=0.0.0.0 STKG_API_PORT=8000
EXPOSE 8000
CMD ["stkg", "serve"]
