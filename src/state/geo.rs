//! The map's drawing: the outline of the world and the projection, plain Rust,
//! tested natively. Locating places is the core's ([`folio_core::geo`]),
//! re-exported here for the map.

pub use folio_core::geo::*;

/// The two paths of `assets/world.svg`: land and interior borders, in degrees
/// (x = longitude, y = −latitude).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Outline {
    /// Land, filled.
    pub land: String,
    /// Borders between countries, stroked.
    pub borders: String,
}

impl Outline {
    /// Reads the `d` attributes of the paths with ids `land` and `borders`.
    pub fn parse(svg: &str) -> Option<Outline> {
        let d_of = |id: &str| {
            let at = svg.find(&format!("id=\"{id}\""))?;
            let rest = &svg[at..];
            let start = rest.find(" d=\"")? + 4;
            let len = rest[start..].find('"')?;
            Some(rest[start..start + len].to_string())
        };
        Some(Outline {
            land: d_of("land")?,
            borders: d_of("borders").unwrap_or_default(),
        })
    }
}

/// Width of the map's drawing, in its own units.
pub const MAP_WIDTH: f64 = 1000.0;

/// The map's frame: which part of the world shows, and how degrees become drawing
/// units. Longitudes are scaled by the cosine of the middle latitude (so a
/// regional map is not stretched sideways); the world view uses 1.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Frame {
    /// West, north edge in degrees.
    pub west: f64,
    /// North edge.
    pub north: f64,
    /// Drawing units per degree of latitude.
    pub scale: f64,
    /// Longitude squeeze: cos(middle latitude).
    pub squeeze: f64,
    /// Drawing height (width is [`MAP_WIDTH`]).
    pub height: f64,
}

impl Frame {
    /// The whole world, plate carrée, without Antarctica's far south.
    pub fn world() -> Frame {
        Frame::fit(-180.0, 180.0, -58.0, 84.0, 0.0)
    }

    /// A frame around these points (lat, lon) with a margin, at least `min_span`
    /// degrees tall, with an aspect between 2:1 and 4:3.
    pub fn around(points: &[(f64, f64)]) -> Frame {
        if points.is_empty() {
            return Frame::world();
        }
        let (mut s, mut n, mut w, mut e) = (90.0f64, -90.0f64, 180.0f64, -180.0f64);
        for &(lat, lon) in points {
            s = s.min(lat);
            n = n.max(lat);
            w = w.min(lon);
            e = e.max(lon);
        }
        let margin_lat = ((n - s) * 0.15).max(1.5);
        let margin_lon = ((e - w) * 0.15).max(2.0);
        Frame::fit(
            w - margin_lon,
            e + margin_lon,
            s - margin_lat,
            n + margin_lat,
            4.0,
        )
    }

    fn fit(w: f64, e: f64, s: f64, n: f64, min_span: f64) -> Frame {
        let (mut w, mut e, mut s, mut n) = (w.max(-180.0), e.min(180.0), s.max(-85.0), n.min(85.0));
        if n - s < min_span {
            let mid = (n + s) / 2.0;
            s = mid - min_span / 2.0;
            n = mid + min_span / 2.0;
        }
        let squeeze = if min_span == 0.0 {
            1.0
        } else {
            ((n + s) / 2.0).to_radians().cos().max(0.2)
        };
        // Aspect (height / width) between 1:2 and 3:4: widen or heighten the box.
        let mut width_deg = (e - w) * squeeze;
        let mut height_deg = n - s;
        if min_span == 0.0 {
            // The world view keeps its own shape.
        } else if height_deg / width_deg > 0.75 {
            let grow = (height_deg / 0.75 - width_deg) / squeeze / 2.0;
            w -= grow;
            e += grow;
            width_deg = (e - w) * squeeze;
        } else if height_deg / width_deg < 0.5 {
            let grow = (width_deg * 0.5 - height_deg) / 2.0;
            s -= grow;
            n += grow;
            height_deg = n - s;
        }
        let scale = MAP_WIDTH / width_deg;
        Frame {
            west: w,
            north: n,
            scale,
            squeeze,
            height: height_deg * scale,
        }
    }

    /// Drawing coordinates of a point.
    pub fn project(&self, lat: f64, lon: f64) -> (f64, f64) {
        (
            (lon - self.west) * self.squeeze * self.scale,
            (self.north - lat) * self.scale,
        )
    }

    /// The SVG transform that draws the outline (in degrees, y = −latitude) in
    /// this frame.
    pub fn outline_transform(&self) -> String {
        let sx = self.squeeze * self.scale;
        use folio_core::explore::format_fixed as fixed;
        format!(
            "matrix({} 0 0 {} {} {})",
            fixed(sx, 4),
            fixed(self.scale, 4),
            fixed(-self.west * sx, 2),
            fixed(self.north * self.scale, 2)
        )
    }
}

/// Circle radius in pixels for a mention count: area proportional to mentions,
/// the most mentioned place at `max_radius`, at most 4 px per √mention.
pub fn radius(mentions: usize, most: usize, max_radius: f64) -> f64 {
    let k = (max_radius / (most.max(1) as f64).sqrt()).min(4.0);
    k * (mentions.max(1) as f64).sqrt()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_outline_and_the_shipped_assets() {
        let o = Outline::parse(
            "<svg><path id=\"land\" fill=\"x\" d=\"M0 0L1 1Z\"/><path id=\"borders\" d=\"M2 2L3 3\"/></svg>",
        )
        .unwrap();
        assert_eq!(o.land, "M0 0L1 1Z");
        assert_eq!(o.borders, "M2 2L3 3");
        assert_eq!(Outline::parse("<svg></svg>"), None);

        let shipped = include_str!("../../assets/world.svg");
        let o = Outline::parse(shipped).unwrap();
        assert!(o.land.len() > 10_000 && !o.borders.is_empty());
        let g = Gazetteer::parse(include_str!("../../assets/places.tsv"));
        assert!(g.len() > 30_000);
        for city in [
            "Kyiv",
            "Kharkiv",
            "Lyman",
            "Izium",
            "Kupiansk",
            "Balakliia",
            "Kreminna",
        ] {
            let at = g.locate([city]).unwrap_or_else(|| panic!("{city} located"));
            assert_eq!(at.point.country, "UA", "{city}");
        }
        assert_eq!(g.locate(["Ukraine"]).unwrap().point.country, "UA");
        assert_eq!(g.locate(["Moscow"]).unwrap().point.country, "RU");
    }

    #[test]
    fn frames_fit_the_points_and_project_inside() {
        let pts = [(49.98, 36.25), (50.45, 30.52), (48.99, 37.81)];
        let f = Frame::around(&pts);
        for &(lat, lon) in &pts {
            let (x, y) = f.project(lat, lon);
            assert!(x > 0.0 && x < MAP_WIDTH, "{x}");
            assert!(y > 0.0 && y < f.height, "{y}");
        }
        assert!(f.height >= MAP_WIDTH * 0.5 - 1e-6 && f.height <= MAP_WIDTH * 0.75 + 1e-6);
        let w = Frame::world();
        assert_eq!(w.project(84.0, -180.0), (0.0, 0.0));
        assert!((w.project(0.0, 180.0).0 - MAP_WIDTH).abs() < 1e-6);
        assert!(f.outline_transform().starts_with("matrix("));
    }

    #[test]
    fn areas_grow_with_mentions() {
        let r1 = radius(1, 16, 20.0);
        let r16 = radius(16, 16, 20.0);
        assert!((r16 - 16.0).abs() < 1e-9, "capped at 4 px per √mention");
        assert!((r16 * r16 / (r1 * r1) - 16.0).abs() < 1e-9);
        assert!((radius(100, 100, 20.0) - 20.0).abs() < 1e-9);
    }
}
