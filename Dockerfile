# netflix_cf: the pipeline (`netflix-cf run`, the default) and the dashboard (`netflix-cf app`) in a slim Python image.
#   docker build -t netflix-cf .
#   docker run --rm netflix-cf                                                       # downloads ml-latest-small, then runs
#   docker run --rm -v "$PWD/data:/data" -e NETFLIX_CF_DATA=/data netflix-cf         # data/ml-latest-small/ from the host
#   docker run --rm -p 8501:8501 netflix-cf netflix-cf app --server.address 0.0.0.0  # dashboard on http://localhost:8501
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /opt/netflix_cf
COPY settings.ini setup.py pyproject.toml MANIFEST.in README.md LICENSE ./
COPY netflix_cf ./netflix_cf
RUN pip install ".[app]"

# downloads and fitted models go to the user's cache (~/.cache/netflix_cf); mount it to keep them between runs
RUN useradd --create-home --uid 1000 cf
USER cf
WORKDIR /home/cf
# compile the k-NN engine now, into cf's cache (~/.cache/netflix_cf/numba): containers then start warm on machines with
# the same kind of CPU (numba compiles again, once, on another, and once into a volume mounted over ~/.cache/netflix_cf)
RUN netflix-cf run --synthetic --quiet > /dev/null
EXPOSE 8501

CMD ["netflix-cf", "run"]
