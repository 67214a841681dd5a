//! Entry point: panic hook and mount; everything else lives in the library so tests
//! can mount it too.

/// Memory grows in steps of an eighth, not a page at a time: building the index
/// of a large import otherwise stalls on repeated growth and garbage collection
/// (see `folio_core::heap`).
#[global_allocator]
static HEAP: folio_core::heap::GrowingHeap = folio_core::heap::GrowingHeap;

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(folio::App);
}
