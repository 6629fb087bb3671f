//! The `ladrillo` binary: a thin shell over the library.

// jemalloc rather than the system's allocator: see docs/performance.md, "Allocator".
#[cfg(not(target_env = "msvc"))]
#[global_allocator]
static GLOBAL: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

fn main() {
    std::process::exit(ladrillo::cli::run());
}
