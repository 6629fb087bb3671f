//! The `ladrillo` binary: a thin shell over the library.

fn main() {
    std::process::exit(ladrillo::cli::run());
}
