//! The byte encodings every binary file of the index is made of: LEB128
//! varints, length-prefixed strings, optional strings and front-coded sorted
//! terms. Apart from the codec so that postings, the codec and the shard files
//! all stand on them without depending on each other.

#[inline]
pub(in crate::search) fn write_varint(out: &mut Vec<u8>, mut v: u64) {
    if v < 0x80 {
        // Most position deltas: one byte, one push.
        out.push(v as u8);
        return;
    }
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

#[inline]
pub(in crate::search) fn read_varint(r: &mut &[u8]) -> Option<u64> {
    let mut v = 0u64;
    for shift in (0..64).step_by(7) {
        let (&b, rest) = r.split_first()?;
        *r = rest;
        v |= u64::from(b & 0x7f) << shift;
        if b < 0x80 {
            return Some(v);
        }
    }
    None
}

/// Writes `text` front-coded against the `prev` of a sorted list: the length
/// of their shared prefix (cut back to a character boundary), then the rest.
pub(in crate::search) fn write_front_coded(out: &mut Vec<u8>, prev: &str, text: &str) {
    let shared = prev
        .bytes()
        .zip(text.bytes())
        .take_while(|(a, b)| a == b)
        .count();
    let shared = (0..=shared)
        .rev()
        .find(|&s| text.is_char_boundary(s))
        .unwrap_or(0);
    write_varint(out, shared as u64);
    write_str(out, &text[shared..]);
}

/// Reads what [`write_front_coded`] wrote after `prev`.
pub(in crate::search) fn read_front_coded(r: &mut &[u8], prev: &str) -> Option<String> {
    let shared = read_varint(r)? as usize;
    let mut text = prev.get(..shared)?.to_string();
    text.push_str(read_str(r)?);
    Some(text)
}

pub(in crate::search) fn write_str(out: &mut Vec<u8>, s: &str) {
    write_varint(out, s.len() as u64);
    out.extend_from_slice(s.as_bytes());
}

pub(in crate::search) fn read_str<'a>(r: &mut &'a [u8]) -> Option<&'a str> {
    let len = read_varint(r)? as usize;
    let s = r.get(..len)?;
    *r = &r[len..];
    std::str::from_utf8(s).ok()
}

pub(super) fn write_opt(out: &mut Vec<u8>, s: Option<&str>) {
    match s {
        Some(s) => {
            out.push(1);
            write_str(out, s);
        }
        None => out.push(0),
    }
}

pub(super) fn read_opt(r: &mut &[u8]) -> Option<Option<String>> {
    let (&flag, rest) = r.split_first()?;
    *r = rest;
    match flag {
        0 => Some(None),
        1 => Some(Some(read_str(r)?.to_string())),
        _ => None,
    }
}
