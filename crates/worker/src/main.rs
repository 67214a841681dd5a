//! Entry point of the import worker's wasm (built by Trunk with `data-type="worker"`).

fn main() {
    #[cfg(target_arch = "wasm32")]
    folio_worker::web::start();
}
