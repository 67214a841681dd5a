//! Entry point of the import worker's wasm (built by Trunk with `data-type="worker"`).

/// Memory grows in steps of an eighth, not a page at a time: building the index
/// of a large import otherwise stalls on repeated growth and garbage collection
/// (see `folio_core::heap`).
#[global_allocator]
static HEAP: folio_core::heap::GrowingHeap = folio_core::heap::GrowingHeap;

fn main() {
    #[cfg(target_arch = "wasm32")]
    folio_worker::web::start();
}
