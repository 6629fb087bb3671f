//! Checks of single flag values: names, regions, zones, CIDRs, ARNs, namespaces. Each returns
//! the message the user sees; the caller adds the flag name.

use crate::generate::names::SYSTEM_NAMESPACES;
use crate::i18n::Msg;

/// eksctl cluster and node group names: a letter, then letters, digits and hyphens, ≤ 100.
pub fn cluster_name(n: &str) -> Result<(), Msg> {
    let ok = n.len() <= 100
        && n.starts_with(|c: char| c.is_ascii_alphabetic())
        && n.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
    if ok { Ok(()) } else { Err(crate::msg!("init-bad-name", name = n)) }
}

/// `us-east-1`, `eu-west-3`, `ap-southeast-2`, `us-gov-west-1`, `cn-north-1`.
#[must_use]
pub fn is_region(r: &str) -> bool {
    let parts: Vec<&str> = r.split('-').collect();
    let lower = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_lowercase());
    let (Some(first), Some(last), Some(middle)) =
        (parts.first(), parts.last(), parts.get(1..parts.len().saturating_sub(1)))
    else {
        return false;
    };
    (3..=4).contains(&parts.len())
        && first.len() == 2
        && lower(first)
        && middle.iter().all(|p| lower(p))
        && !last.is_empty()
        && last.len() <= 2
        && last.bytes().all(|b| b.is_ascii_digit())
}

pub fn is_zone_of(z: &str, region: &str) -> bool {
    z.strip_prefix(region).is_some_and(|s| s.len() == 1 && s.bytes().all(|b| b.is_ascii_lowercase()))
}

/// An IPv4 CIDR that is not open to the whole internet.
pub fn cidr(c: &str) -> Result<(), Msg> {
    let (ip, len) = c.split_once('/').ok_or_else(|| crate::msg!("init-cidr-not-cidr", cidr = c))?;
    let ip: std::net::Ipv4Addr = ip.parse().map_err(|_| crate::msg!("init-cidr-not-ipv4", cidr = c))?;
    let len: u32 =
        len.parse().ok().filter(|l| *l <= 32).ok_or_else(|| crate::msg!("init-cidr-bad-prefix", cidr = c))?;
    if len < 8 {
        return Err(crate::msg!("init-cidr-too-wide", cidr = c));
    }
    let mask = u32::MAX.checked_shl(32 - len).unwrap_or(0);
    if u32::from(ip) & !mask != 0 {
        return Err(crate::msg!("init-cidr-host-bits", cidr = c));
    }
    // The public endpoint only sees public source addresses: a private range would leave the
    // operator locked out.
    let shared = (u32::from(ip) & 0xFFC0_0000) == 0x6440_0000; // 100.64.0.0/10, carrier-grade NAT
    if ip.is_private()
        || ip.is_loopback()
        || ip.is_link_local()
        || ip.is_multicast()
        || shared
        || u32::from(ip) >> 24 == 0
    {
        return Err(crate::msg!("init-cidr-not-public", cidr = c));
    }
    Ok(())
}

/// `arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE` split in its six parts, with a 12-digit
/// account.
fn arn_parts(arn: &str) -> Option<[&str; 6]> {
    let mut it = arn.splitn(6, ':');
    let parts = [it.next()?, it.next()?, it.next()?, it.next()?, it.next()?, it.next()?];
    let account_ok = parts[4].len() == 12 && parts[4].bytes().all(|b| b.is_ascii_digit());
    (parts[0] == "arn" && account_ok).then_some(parts)
}

pub fn kms_arn(arn: &str, region: &str) -> Result<(), Msg> {
    let parts = arn_parts(arn).filter(|[_, partition, service, _, _, resource]| {
        partition.starts_with("aws")
            && *service == "kms"
            && (resource.starts_with("key/") || resource.starts_with("alias/"))
    });
    let Some([_, _, _, key_region, _, _]) = parts else {
        return Err(crate::msg!("init-not-kms-arn", arn = arn));
    };
    if key_region != region {
        return Err(crate::msg!("init-kms-region", key_region = key_region, region = region));
    }
    Ok(())
}

pub fn role_arn(arn: &str) -> Result<(), Msg> {
    let ok = arn_parts(arn)
        .is_some_and(|[_, _, service, _, _, resource]| service == "iam" && resource.starts_with("role/"))
        && !arn.contains('*');
    if ok { Ok(()) } else { Err(crate::msg!("init-not-role-arn", arn = arn)) }
}

/// DNS-1123 label, not a system namespace.
pub fn namespace(n: &str) -> Result<(), Msg> {
    let ok = !n.is_empty()
        && n.len() <= 63
        && n.starts_with(|c: char| c.is_ascii_lowercase() || c.is_ascii_digit())
        && n.ends_with(|c: char| c.is_ascii_lowercase() || c.is_ascii_digit())
        && n.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    if !ok {
        return Err(crate::msg!("init-not-namespace", name = n));
    }
    if n == "default" || n.starts_with("kube-") || SYSTEM_NAMESPACES.contains(&n) {
        return Err(crate::msg!("init-reserved-namespace", name = n));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regions_zones_and_cidrs() {
        for r in ["us-east-1", "eu-west-3", "ap-southeast-2", "us-gov-west-1", "cn-north-1"] {
            assert!(is_region(r), "{r}");
        }
        for r in ["us-east", "US-EAST-1", "us_east_1", "useast1", "us-east-1a", ""] {
            assert!(!is_region(r), "{r}");
        }
        assert!(is_zone_of("us-east-1a", "us-east-1"));
        assert!(!is_zone_of("us-east-2a", "us-east-1"));
        assert!(cidr("203.0.113.0/24").is_ok());
        assert!(cidr("203.0.113.1/24").is_err());
        assert!(cidr("0.0.0.0/0").is_err());
        assert!(cidr("10.0.0.0/33").is_err());
        for private in ["10.1.0.0/16", "192.168.0.0/24", "172.16.0.0/12", "100.64.0.0/10", "127.0.0.0/8"] {
            assert!(
                cidr(private)
                    .unwrap_err()
                    .render(crate::i18n::Lang::En)
                    .contains("not a public address range"),
                "{private}"
            );
        }
    }

    #[test]
    fn arns() {
        let key = "arn:aws:kms:us-east-1:123456789012:key/1234abcd";
        assert!(kms_arn(key, "us-east-1").is_ok());
        assert!(
            kms_arn(key, "eu-west-1")
                .unwrap_err()
                .render(crate::i18n::Lang::En)
                .contains("cluster's region eu-west-1")
        );
        assert!(kms_arn("arn:aws:kms:us-east-1:1234:key/x", "us-east-1").is_err());
        assert!(kms_arn("arn:aws:s3:us-east-1:123456789012:key/x", "us-east-1").is_err());
        assert!(role_arn("arn:aws:iam::123456789012:role/admins").is_ok());
        assert!(role_arn("arn:aws:iam::123456789012:user/admin").is_err());
        assert!(role_arn("arn:aws:iam::123456789012:role/*").is_err());
    }
}
