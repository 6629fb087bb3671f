//! Whole-number options (`--jobs`, `--timeout`, `--nodes`, …), refused with a sentence in the
//! reader's language that says what the option takes: clap's own number parsers explain in
//! English only, and tersely (`0 is not in 1..=65535`, `invalid digit found in string`).

use crate::i18n::Lang;

/// `s` as a whole number in `min..=max` (which `T` holds), or what the option takes, in `lang`.
fn whole<T: TryFrom<u64>>(s: &str, min: u64, max: u64, lang: Lang) -> Result<T, String> {
    let reason = || {
        if max == u64::MAX {
            crate::t!(lang, "arg-whole-number-min", min = min.to_string())
        } else {
            crate::t!(lang, "arg-whole-number-range", min = min.to_string(), max = max.to_string())
        }
    };
    let n = s.parse::<u64>().ok().filter(|n| (min..=max).contains(n)).ok_or_else(reason)?;
    T::try_from(n).map_err(|_| reason())
}

/// `--jobs`: 1 to 65535 threads.
pub(super) fn jobs(s: &str) -> Result<u16, String> {
    whole(s, 1, u64::from(u16::MAX), super::lang())
}

/// A time limit or interval in seconds: 1 or more.
pub(super) fn seconds(s: &str) -> Result<u64, String> {
    whole(s, 1, u64::MAX, super::lang())
}

/// `--render-timeout`: 1 second to an hour.
pub(super) fn render_seconds(s: &str) -> Result<u64, String> {
    whole(s, 1, 3600, super::lang())
}

/// `--max-response-mb`: 1 MB to 4 GB.
pub(super) fn response_mb(s: &str) -> Result<u64, String> {
    whole(s, 1, 4096, super::lang())
}

/// `--max-connections`: 1 to 65536.
pub(super) fn connections(s: &str) -> Result<u32, String> {
    whole(s, 1, 65_536, super::lang())
}

/// A count such as `--nodes`: 0 or more, within 32 bits (`init` says what it accepts beyond that).
pub(super) fn count(s: &str) -> Result<u32, String> {
    whole(s, 0, u64::from(u32::MAX), super::lang())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bad_number_is_refused_with_what_the_option_takes() {
        assert_eq!(whole::<u16>("8", 1, 65_535, Lang::En), Ok(8));
        for bad in ["0", "65536", "abc", "", "-1", "1.5"] {
            assert_eq!(
                whole::<u16>(bad, 1, 65_535, Lang::En),
                Err("must be a whole number from 1 to 65535".to_string()),
                "{bad}"
            );
        }
        assert_eq!(
            whole::<u16>("0", 1, 65_535, Lang::Es),
            Err("debe ser un número entero de 1 a 65535".to_string())
        );
        assert_eq!(
            whole::<u64>("abc", 1, u64::MAX, Lang::En),
            Err("must be a whole number of 1 or more".to_string())
        );
        assert_eq!(
            whole::<u64>("99999999999999999999", 1, u64::MAX, Lang::Es),
            Err("debe ser un número entero igual o mayor que 1".to_string())
        );
    }
}
