// Loads Folio's views module (crates/views, a no-modules wasm-bindgen build)
// the first time a view of it opens, then mounts the named view into an
// element with the corpus' JSON (src/pages/lazy.rs). A site fetches the
// module beside the page; a one-file copy carries its glue inline and its wasm
// as base64 in the data block below (crates/core/src/share.rs).
let folioViews;
window.folioView = (name, element, json) => {
  folioViews ??= (async () => {
    const block = document.getElementById("folio-views-wasm");
    if (block) {
      const b = atob(block.textContent);
      const bytes = new Uint8Array(b.length);
      for (let i = 0; i < b.length; i++) bytes[i] = b.charCodeAt(i);
      return wasm_bindgen({ module_or_path: bytes });
    }
    await new Promise((loaded, failed) => {
      const script = document.createElement("script");
      script.src = "./folio-views.js";
      // Its work is done once it ran (it defines `wasm_bindgen`); the page
      // keeps no script element it did not start with.
      script.onload = () => { script.remove(); loaded(); };
      script.onerror = () => { script.remove(); failed(new Error("./folio-views.js could not be fetched")); };
      document.head.append(script);
    });
    return wasm_bindgen({ module_or_path: "./folio-views_bg.wasm" });
  })();
  const loading = folioViews;
  loading.catch(() => { if (folioViews === loading) folioViews = undefined; });
  return loading
    .then(() => { wasm_bindgen.view(name, element, json); return ""; })
    .catch((e) => String(e && e.message ? e.message : e));
};
