//! The `terraform fmt` layout: the sections write HCL with single spaces around `=` and this
//! aligns them as `terraform fmt` does, so the files are fmt-clean as written.

use std::fmt::Write as _;

/// Aligns the `=` of consecutive one-line attributes, as `terraform fmt` does: a line takes part
/// when its right-hand side opens and closes all its brackets; any other line ends the run.
#[must_use]
pub fn align(text: &str) -> String {
    let lines: Vec<(&str, Option<(usize, usize)>)> = text.lines().map(|l| (l, assignment(l))).collect();
    let mut out = String::with_capacity(text.len() + 256);
    for run in lines.chunk_by(|a, b| a.1.is_some() == b.1.is_some()) {
        let width = run.iter().filter_map(|(_, a)| a.map(|(key_end, _)| key_end)).max().unwrap_or(0);
        for &(line, a) in run {
            match a {
                Some((key_end, rhs)) => {
                    let _ = writeln!(
                        out,
                        "{}{} = {}",
                        &line[..key_end],
                        " ".repeat(width - key_end),
                        &line[rhs..]
                    );
                }
                None => {
                    out.push_str(line);
                    out.push('\n');
                }
            }
        }
    }
    out
}

/// For `  key = value` with balanced brackets in `value`: (end of key, start of value).
fn assignment(line: &str) -> Option<(usize, usize)> {
    let trimmed = line.trim_start();
    if trimmed.starts_with('#') || trimmed.is_empty() {
        return None;
    }
    let eq = find_top_level_eq(line)?;
    let key_end = line[..eq].trim_end().len();
    if key_end == 0 || line[..key_end].trim().is_empty() {
        return None;
    }
    let rhs = eq + 1 + (line[eq + 1..].len() - line[eq + 1..].trim_start().len());
    let mut depth = 0i32;
    let mut in_str = false;
    let mut escaped = false;
    for c in line[rhs..].chars() {
        if in_str {
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_str = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => in_str = true,
            '{' | '[' | '(' => depth += 1,
            '}' | ']' | ')' => depth -= 1,
            _ => {}
        }
    }
    (depth == 0).then_some((key_end, rhs))
}

/// The first `=` outside a string that is not part of `==`, `<=`, `>=`, `!=`.
fn find_top_level_eq(line: &str) -> Option<usize> {
    let b = line.as_bytes();
    let mut in_str = false;
    let mut i = 0;
    while let Some(&c) = b.get(i) {
        if in_str {
            if c == b'\\' {
                i += 2;
                continue;
            }
            if c == b'"' {
                in_str = false;
            }
        } else if c == b'"' {
            in_str = true;
        } else if c == b'=' {
            let prev = i.checked_sub(1).and_then(|j| b.get(j)).copied().unwrap_or(b' ');
            let next = b.get(i + 1).copied().unwrap_or(b' ');
            if next != b'=' && !matches!(prev, b'=' | b'<' | b'>' | b'!') {
                return Some(i);
            }
            return None;
        } else if matches!(c, b'{' | b'(' | b'[') {
            return None;
        }
        i += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aligns_runs_of_one_line_attributes() {
        let got = align("x {\n  a = 1\n  long_name = \"v\"\n  b = {\n    c = 1\n  }\n}\n");
        assert_eq!(got, "x {\n  a         = 1\n  long_name = \"v\"\n  b = {\n    c = 1\n  }\n}\n");
    }
}
