//! `#/map`: the corpus' places on a map — located with the GeoNames gazetteer,
//! drawn offline over a Natural Earth outline, one circle per place with its area
//! proportional to mentions, each a link to the place's entity page. Places the
//! gazetteer does not know are listed beside the map.
//!
//! Both data files (`assets/places.tsv`, `assets/world.svg`) are fetched only when
//! the map first opens, by relative URL (so the app works under any sub-path), and
//! kept for later visits. The matching and the projection are in
//! [`crate::state::geo`], tested natively.

use std::cell::RefCell;
use std::sync::Arc;

use folio_core::explore::{entity_summaries, format_fixed as fixed};
use leptos::prelude::*;

use crate::state::corpus::{embedded_block, read_text, start_fetch, CorpusCtx};
use crate::state::format::plural;
use crate::state::geo::{
    locate_places, radius, subset_tsv, Frame, Gazetteer, MapPlace, Outline, MAP_WIDTH,
};
use crate::state::route::Route;

/// The gazetteer, relative to the page.
pub const PLACES_URL: &str = "assets/places.tsv";
/// The outline, relative to the page.
pub const OUTLINE_URL: &str = "assets/world.svg";
/// The most mentioned place's circle radius, in pixels.
const MAX_RADIUS: f64 = 24.0;
/// At most this many names are written on the map.
const MAX_LABELS: usize = 14;
/// Labels that stay on narrow screens.
const MAJOR_LABELS: usize = 5;
/// Places farther than this (degrees) from the centre of mentions are left to the
/// world view, so one far-off capital does not shrink the map to the whole globe.
const CLUSTER_DEGREES: f64 = 18.0;
/// Rendered width assumed when placing labels (pixels for [`MAP_WIDTH`] units).
const ASSUMED_PX_WIDTH: f64 = 820.0;

thread_local! {
    static CACHE: RefCell<Option<(Arc<Gazetteer>, Arc<Outline>)>> = const { RefCell::new(None) };
}

/// Where the map data is.
#[derive(Clone)]
enum Load {
    Loading,
    Failed(String),
    Ready(Arc<Gazetteer>, Arc<Outline>),
}

/// A data file on its way: from the page's own data block in a one-file copy
/// (see [`folio_core::share`]), else a fetch started at once.
enum Asset {
    Embedded(String),
    Fetching(Result<js_sys::Promise, String>),
}

fn begin(url: &str, block: &str) -> Asset {
    match embedded_block(block) {
        Some(text) => Asset::Embedded(text),
        None => Asset::Fetching(start_fetch(url)),
    }
}

async fn finish(url: &str, asset: Asset) -> Result<String, String> {
    match asset {
        Asset::Embedded(text) => Ok(text),
        Asset::Fetching(request) => read_text(url, request).await,
    }
}

async fn load_assets() -> Result<(Arc<Gazetteer>, Arc<Outline>), String> {
    // Both requests in flight together.
    let places = begin(PLACES_URL, folio_core::share::PLACES_BLOCK);
    let outline = begin(OUTLINE_URL, folio_core::share::OUTLINE_BLOCK);
    let places = finish(PLACES_URL, places).await;
    let outline = finish(OUTLINE_URL, outline).await;
    let gazetteer = Gazetteer::parse(&places?);
    if gazetteer.is_empty() {
        return Err(format!("{PLACES_URL} has no places"));
    }
    let outline =
        Outline::parse(&outline?).ok_or_else(|| format!("{OUTLINE_URL} has no outline"))?;
    Ok((Arc::new(gazetteer), Arc::new(outline)))
}

/// The gazetteer rows a one-file copy of this corpus needs for its map (see
/// [`crate::state::geo::subset_tsv`]); `None` when the gazetteer cannot be had.
pub async fn places_for_share(names: Vec<String>) -> Option<String> {
    let tsv = finish(
        PLACES_URL,
        begin(PLACES_URL, folio_core::share::PLACES_BLOCK),
    )
    .await
    .ok()?;
    Some(subset_tsv(&tsv, names.iter().map(String::as_str)))
}

/// The map view: loads the data, then draws [`PlaceMap`].
#[component]
pub fn MapPage() -> impl IntoView {
    let cached = CACHE.with(|c| c.borrow().clone());
    let load = RwSignal::new(match cached {
        Some((g, o)) => Load::Ready(g, o),
        None => Load::Loading,
    });
    if matches!(load.get_untracked(), Load::Loading) {
        leptos::task::spawn_local(async move {
            let next = match load_assets().await {
                Ok((g, o)) => {
                    CACHE.with(|c| *c.borrow_mut() = Some((g.clone(), o.clone())));
                    Load::Ready(g, o)
                }
                Err(e) => Load::Failed(e),
            };
            let _ = load.try_set(next);
        });
    }
    view! {
        <section class="map-view" aria-labelledby="map-title">
            {move || match load.get() {
                Load::Loading => view! {
                    <div class="page-head"><h1 id="map-title">"Map"</h1></div>
                    <p class="map-status" role="status">"Loading the map and the GeoNames gazetteer…"</p>
                }
                .into_any(),
                Load::Failed(e) => view! {
                    <div class="page-head"><h1 id="map-title">"Map"</h1></div>
                    <div class="map-status map-failed" role="alert">
                        <p><strong>"The map could not be loaded."</strong> " " {e} "."</p>
                        <p>"Every place is still listed, with its mentions, under " <a href="#/entities">"Entities"</a> ". Reload the page to try again."</p>
                    </div>
                }
                .into_any(),
                Load::Ready(g, o) => view! { <PlaceMap gazetteer=g outline=o/> }.into_any(),
            }}
        </section>
    }
}

/// One circle (and maybe a label) to draw.
struct Dot<'a> {
    place: &'a MapPlace,
    x: f64,
    y: f64,
    r: f64,
}

/// The drawn map for a loaded gazetteer and outline: heading, map with circles and
/// labels, the list of places not found, and the attribution. Public so browser
/// tests can draw it from an in-memory gazetteer.
#[component]
pub fn PlaceMap(gazetteer: Arc<Gazetteer>, outline: Arc<Outline>) -> impl IntoView {
    let corpus = CorpusCtx::expect();
    let world = RwSignal::new(false);
    let placed = Memo::new(move |_| {
        let summaries = corpus.with(entity_summaries);
        locate_places(&summaries, &gazetteer)
    });
    move || {
        let (located, unlocated) = placed.get();
        let world_view = world.get();
        let frame = if world_view {
            Frame::world()
        } else {
            Frame::around(&cluster(&located))
        };
        let inside = |p: &MapPlace| {
            let (x, y) = frame.project(p.location.point.lat, p.location.point.lon);
            (0.0..=MAP_WIDTH).contains(&x) && (0.0..=frame.height).contains(&y)
        };
        let most = located.iter().map(|p| p.mentions).max().unwrap_or(1);
        let mut dots: Vec<Dot> = located
            .iter()
            .filter(|p| inside(p))
            .map(|p| {
                let (x, y) = frame.project(p.location.point.lat, p.location.point.lon);
                Dot {
                    place: p,
                    x,
                    y,
                    r: radius(p.mentions, most, MAX_RADIUS),
                }
            })
            .collect();
        let outside: Vec<&MapPlace> = located.iter().filter(|p| !inside(p)).collect();
        // Labels, most mentioned first, where they do not overlap.
        let labels = place_labels(&dots, frame.height);
        // Big circles first so small ones stay on top, clickable.
        folio_core::sort::by(&mut dots, |a, b| b.r.total_cmp(&a.r));
        let height = frame.height;
        let dot_views = dots
            .iter()
            .map(|d| {
                let p = d.place;
                let size = fixed((2.0 * d.r).max(24.0), 1);
                let style = format!(
                    "left: {}%; top: {}%; width: {size}px; height: {size}px; --d: {}px",
                    fixed(100.0 * d.x / MAP_WIDTH, 3),
                    fixed(100.0 * d.y / height, 3),
                    fixed(2.0 * d.r, 1)
                );
                let mut class = String::from("map-dot");
                if p.location.approximate {
                    class.push_str(" approx");
                }
                if p.location.is_country {
                    class.push_str(" country");
                }
                let what = if p.location.is_country {
                    " (country, at its centre of population)"
                } else if p.location.approximate {
                    " (region, at its namesake city)"
                } else {
                    ""
                };
                let label = format!("{}, {}{what}", p.name, plural(p.mentions, "mention", "mentions"));
                let text = labels.iter().find(|l| l.0 == p.id).map(|l| {
                    let class = format!(
                        "map-label {} {}",
                        if l.1 { "left" } else { "right" },
                        if l.2 { "major" } else { "minor" }
                    );
                    view! { <span class=class aria-hidden="true">{p.name.clone()}</span> }
                });
                view! {
                    <a class=class style=style href=Route::Entity(p.id.clone()).to_hash() title=label.clone() aria-label=label>
                        <span class="map-disc" aria-hidden="true"></span>
                        {text}
                    </a>
                }
            })
            .collect_view();
        let unlocated_items = unlocated
            .iter()
            .map(|u| {
                view! {
                    <li>
                        <a href=Route::Entity(u.id.clone()).to_hash()>{u.name.clone()}</a>
                        " " <span class="muted">{u.mentions.to_string()}</span>
                    </li>
                }
            })
            .collect_view();
        let outside_note = (!outside.is_empty() && !world_view).then(|| {
            let names = outside
                .iter()
                .map(|p| {
                    view! { <li><a href=Route::Entity(p.id.clone()).to_hash()>{p.name.clone()}</a> " " <span class="muted">{p.mentions.to_string()}</span></li> }
                })
                .collect_view();
            view! {
                <h2>"Beyond this view"</h2>
                <p class="muted map-hint">"Located farther away; “World” shows them."</p>
                <ul class="map-list">{names}</ul>
            }
        });
        let summary = format!(
            "{} on the map · {} not found in the gazetteer",
            plural(located.len(), "place", "places"),
            unlocated.len()
        );
        let height = fixed(height, 1);
        let width = fixed(MAP_WIDTH, 0);
        let view_box = format!("0 0 {width} {height}");
        let aspect = format!("aspect-ratio: {width} / {height}");
        let transform = frame.outline_transform();
        let biggest = located.first().map(|p| p.mentions).unwrap_or(1);
        let legend_sizes: Vec<usize> = {
            let mut v = vec![1, biggest.div_ceil(4).max(2), biggest];
            v.sort_unstable();
            v.dedup();
            v
        };
        let legend = legend_sizes
            .into_iter()
            .filter(|&m| m <= biggest)
            .map(|m| {
                let d = 2.0 * radius(m, most, MAX_RADIUS);
                let d = fixed(d, 1);
                let style = format!("width: {d}px; height: {d}px");
                view! { <span class="map-key"><span class="map-key-disc" style=style aria-hidden="true"></span>{m.to_string()}</span> }
            })
            .collect_view();
        view! {
            <div class="page-head">
                <h1 id="map-title">"Map"</h1>
                <p class="muted">{summary}</p>
            </div>
            <div class="map-layout">
                <figure class="map-figure">
                    <div class="map-tools" role="group" aria-label="Map extent">
                        <button type="button" class="map-toggle" aria-pressed=move || (!world.get()).to_string() on:click=move |_| world.set(false)>"Places"</button>
                        <button type="button" class="map-toggle" aria-pressed=move || world.get().to_string() on:click=move |_| world.set(true)>"World"</button>
                    </div>
                    <div class="map-canvas" style=aspect>
                        <svg class="map-svg" viewBox=view_box preserveAspectRatio="none" aria-hidden="true" focusable="false">
                            <rect class="map-sea" x="0" y="0" width="100%" height="100%"></rect>
                            <g transform=transform>
                                <path class="map-land" d=outline.land.clone()></path>
                                <path class="map-borders" d=outline.borders.clone()></path>
                            </g>
                        </svg>
                        <div class="map-dots">{dot_views}</div>
                    </div>
                    <figcaption class="map-caption">
                        <span class="map-legend">"Circle area ∝ mentions " {legend}</span>
                        <span class="map-legend"><span class="map-key-disc approx" aria-hidden="true"></span>"dashed: a region or country, drawn at its namesake city or centre of population"</span>
                        <span class="map-credit">"Place data: " <a href="https://www.geonames.org/">"GeoNames"</a> " (CC BY 4.0). Outline: " <a href="https://www.naturalearthdata.com/">"Natural Earth"</a> " 1:110m (public domain), via world-atlas."</span>
                    </figcaption>
                </figure>
                <aside class="map-side" aria-labelledby="map-unlocated">
                    <h2 id="map-unlocated">"Not found in the gazetteer"</h2>
                    {if unlocated.is_empty() {
                        view! { <p class="muted">"Every place was located."</p> }.into_any()
                    } else {
                        view! {
                            <p class="muted map-hint">"Regions, rivers, districts and places under 15,000 people; mentions beside each."</p>
                            <ul class="map-list">{unlocated_items}</ul>
                        }
                        .into_any()
                    }}
                    {outside_note}
                </aside>
            </div>
        }
    }
}

/// The points the regional view frames: cities (not countries) within
/// [`CLUSTER_DEGREES`] of the mention-weighted median; every city if none.
fn cluster(located: &[MapPlace]) -> Vec<(f64, f64)> {
    let cities: Vec<&MapPlace> = located.iter().filter(|p| !p.location.is_country).collect();
    let all: Vec<&MapPlace> = if cities.is_empty() {
        located.iter().collect()
    } else {
        cities
    };
    let median = |f: &dyn Fn(&MapPlace) -> f64| {
        let mut v: Vec<(f64, usize)> = all.iter().map(|p| (f(p), p.mentions.max(1))).collect();
        folio_core::sort::by(&mut v, |a, b| a.0.total_cmp(&b.0));
        let half = v.iter().map(|x| x.1).sum::<usize>().div_ceil(2);
        let mut acc = 0;
        v.iter()
            .find(|x| {
                acc += x.1;
                acc >= half
            })
            .map_or(0.0, |x| x.0)
    };
    let (mlat, mlon) = (
        median(&|p| p.location.point.lat),
        median(&|p| p.location.point.lon),
    );
    all.iter()
        .map(|p| (p.location.point.lat, p.location.point.lon))
        .filter(|(lat, lon)| {
            (lat - mlat).abs() <= CLUSTER_DEGREES && (lon - mlon).abs() <= CLUSTER_DEGREES
        })
        .collect()
}

/// Which dots get a written name: (id, on the left, major), most mentioned first,
/// skipping any label that would overlap another label or a circle, estimated at
/// [`ASSUMED_PX_WIDTH`].
fn place_labels(dots: &[Dot], height: f64) -> Vec<(String, bool, bool)> {
    let px = ASSUMED_PX_WIDTH / MAP_WIDTH;
    let mut order: Vec<&Dot> = dots.iter().collect();
    folio_core::sort::by_key(&mut order, |d| std::cmp::Reverse(d.place.mentions));
    let discs: Vec<(f64, f64, f64)> = dots.iter().map(|d| (d.x * px, d.y * px, d.r)).collect();
    let mut boxes: Vec<(f64, f64, f64, f64)> = Vec::new();
    let mut out = Vec::new();
    for d in order {
        if out.len() >= MAX_LABELS {
            break;
        }
        let (cx, cy) = (d.x * px, d.y * px);
        let w = 7.4 * d.place.name.chars().count() as f64 + 4.0;
        let gap = d.r.max(6.0) + 4.0;
        for left in [false, true] {
            let x0 = if left { cx - gap - w } else { cx + gap };
            let b = (x0, cy - 9.0, x0 + w, cy + 9.0);
            let fits = b.0 >= 0.0 && b.2 <= MAP_WIDTH * px && b.1 >= 0.0 && b.3 <= height * px;
            let clear = boxes
                .iter()
                .all(|o| b.2 <= o.0 || b.0 >= o.2 || b.3 <= o.1 || b.1 >= o.3)
                && discs.iter().all(|&(x, y, r)| {
                    (x == cx && y == cy)
                        || x + r <= b.0
                        || x - r >= b.2
                        || y + r <= b.1
                        || y - r >= b.3
                });
            if fits && clear {
                boxes.push(b);
                out.push((d.place.id.clone(), left, out.len() < MAJOR_LABELS));
                break;
            }
        }
    }
    out
}
