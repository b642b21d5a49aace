# The policykg API, served against the Neo4j of docker-compose.yml.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /app
COPY pyproject.toml README.md ./
COPY policykg ./policykg
COPY extract ./extract
COPY graph ./graph
COPY api ./api
COPY cypher ./cypher
COPY data ./data
RUN pip install . && useradd --create-home --uid 10001 policykg

USER policykg
EXPOSE 8000
CMD ["policykg", "serve", "--host", "0.0.0.0"]
