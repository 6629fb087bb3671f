//! LEB128 numbers: seven bits a byte, low bits first, the top bit set on every byte but the
//! last. The byte strings that keep field paths and message arguments compact use them for
//! lengths, indices and numbers.

/// Appends `n`.
pub(crate) fn push(buf: &mut Vec<u8>, mut n: u64) {
    loop {
        #[allow(clippy::cast_possible_truncation)]
        let low = (n & 0x7f) as u8;
        n >>= 7;
        if n == 0 {
            buf.push(low);
            return;
        }
        buf.push(low | 0x80);
    }
}

/// Reads the number at `*at` and moves `at` past it; `None` at the end of `bytes` or past ten
/// bytes.
pub(crate) fn read(bytes: &[u8], at: &mut usize) -> Option<u64> {
    let mut n: u64 = 0;
    for shift in (0..64).step_by(7) {
        let b = *bytes.get(*at)?;
        *at += 1;
        n |= u64::from(b & 0x7f) << shift;
        if b & 0x80 == 0 {
            return Some(n);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    #[test]
    fn numbers_read_back_as_written() {
        let numbers = [0, 1, 127, 128, 300, u64::from(u32::MAX), u64::MAX];
        let mut buf = Vec::new();
        for n in numbers {
            super::push(&mut buf, n);
        }
        let mut at = 0;
        for n in numbers {
            assert_eq!(super::read(&buf, &mut at), Some(n));
        }
        assert_eq!(at, buf.len());
        assert_eq!(super::read(&buf, &mut at), None);
        assert_eq!(super::read(&[0x80; 11], &mut 0), None);
    }
}
