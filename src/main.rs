//! Entry point: panic hook and mount; everything else lives in the library so tests
//! can mount it too.

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(folio::App);
}
