//! A global allocator for WebAssembly that grows linear memory geometrically.
//!
//! Rust's allocator on `wasm32-unknown-unknown` (dlmalloc) asks for more memory
//! in the smallest steps it can — often one 64 KiB page — and in V8 (Chrome,
//! Node) a `memory.grow` makes the engine account for more external memory,
//! which often starts a full garbage collection of the JavaScript heap.
//! Building the search index over 10,000 articles in Node, memory grew during
//! 762 of the 10,000 additions (246 full collections), and growing plus
//! collecting took over a quarter of the time (bench/search). [`GrowingHeap`]
//! delegates every call to [`System`]; whenever a call has grown memory, it
//! allocates and frees one block an eighth of the memory's size, which leaves
//! that much free at the top of dlmalloc's heap for the allocations that
//! follow. The same build then grows memory during 27 additions (8 full
//! collections), and memory overshoots what it needs by at most an eighth.
//!
//! Elsewhere it is [`System`] unchanged. Binaries opt in:
//!
//! ```
//! #[global_allocator]
//! static HEAP: folio_core::heap::GrowingHeap = folio_core::heap::GrowingHeap;
//! ```

use std::alloc::{GlobalAlloc, Layout, System};

/// [`System`], growing WebAssembly memory in steps of an eighth (see the module docs).
#[derive(Debug, Default, Clone, Copy)]
pub struct GrowingHeap;

/// Bytes in a WebAssembly page.
#[cfg(target_arch = "wasm32")]
const PAGE: usize = 65_536;

/// Memory pages now.
#[inline]
fn pages() -> usize {
    #[cfg(target_arch = "wasm32")]
    {
        core::arch::wasm32::memory_size::<0>()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        0
    }
}

impl GrowingHeap {
    /// After a call that grew memory from `before` pages: reserve an eighth more.
    #[inline]
    fn after(before: usize) {
        #[cfg(target_arch = "wasm32")]
        if pages() > before {
            let size = (pages() * PAGE / 8).max(PAGE);
            if let Ok(layout) = Layout::from_size_align(size, 16) {
                // SAFETY: `layout` has a non-zero size; the block is freed with the
                // layout it was allocated with and never touched.
                unsafe {
                    let block = System.alloc(layout);
                    if !block.is_null() {
                        System.dealloc(block, layout);
                    }
                }
            }
        }
        #[cfg(not(target_arch = "wasm32"))]
        let _ = before;
    }
}

// SAFETY: every method delegates to `System` with the caller's arguments; the
// extra allocation in `after` is freed before returning and never aliased.
unsafe impl GlobalAlloc for GrowingHeap {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let before = pages();
        // SAFETY: forwarded as received (see the impl).
        let p = unsafe { System.alloc(layout) };
        GrowingHeap::after(before);
        p
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let before = pages();
        // SAFETY: forwarded as received.
        let p = unsafe { System.alloc_zeroed(layout) };
        GrowingHeap::after(before);
        p
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: forwarded as received.
        unsafe { System.dealloc(ptr, layout) }
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let before = pages();
        // SAFETY: forwarded as received.
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        GrowingHeap::after(before);
        p
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn allocates_like_the_system_allocator() {
        let heap = GrowingHeap;
        let layout = Layout::from_size_align(100, 8).expect("layout");
        // SAFETY: a fresh block of `layout`, written within bounds, reallocated
        // and freed with the layouts it has.
        unsafe {
            let p = heap.alloc(layout);
            assert!(!p.is_null());
            p.write_bytes(7, 100);
            let q = heap.realloc(p, layout, 200);
            assert_eq!(*q.add(99), 7);
            heap.dealloc(q, Layout::from_size_align(200, 8).expect("layout"));
        }
    }
}
