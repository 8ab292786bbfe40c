# mtlint in a container, for CI systems that run containers:
#   docker build -t mtlint .
#   docker run --rm -v "$PWD:/work" -w /work mtlint docs/
# Stage 1 builds the binary with the Rust image's toolchain; stage 2 is Debian slim plus
# that one file (the data mtlint needs is embedded in it).
FROM rust:1-slim-bookworm AS build
WORKDIR /src
COPY . .
RUN cargo build --release --locked --bin mtlint && strip target/release/mtlint

FROM debian:bookworm-slim
COPY --from=build /src/target/release/mtlint /usr/local/bin/mtlint
# Lint as an unprivileged user; mount the files to lint and set the working directory.
RUN useradd --create-home --uid 10001 mtlint
USER mtlint
ENTRYPOINT ["mtlint"]
CMD ["--help"]
