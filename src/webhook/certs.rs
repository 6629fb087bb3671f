//! Certificates for clusters without cert-manager (`ladrillo webhook certs`): a CA and a serving
//! certificate it signs for the names the API server dials (the Service's DNS names).

use rcgen::{
    BasicConstraints, CertificateParams, CertifiedIssuer, DistinguishedName, DnType, ExtendedKeyUsagePurpose,
    IsCa, KeyPair, KeyUsagePurpose,
};

/// A CA and a serving certificate, in PEM.
#[derive(Debug)]
pub struct Bundle {
    /// The CA certificate: the `caBundle` of the webhook configuration.
    pub ca_cert: String,
    /// The CA's private key (keep it out of the cluster, or delete it).
    pub ca_key: String,
    /// The serving certificate (`tls.crt`).
    pub cert: String,
    /// The serving certificate's private key (`tls.key`).
    pub key: String,
}

/// How long the certificates are valid, in days.
pub const VALID_DAYS: i64 = 365;

/// The DNS names of a Service: `name`, `name.namespace`, `name.namespace.svc` and
/// `name.namespace.svc.cluster.local`.
#[must_use]
pub fn service_names(service: &str, namespace: &str) -> Vec<String> {
    vec![
        service.to_string(),
        format!("{service}.{namespace}"),
        format!("{service}.{namespace}.svc"),
        format!("{service}.{namespace}.svc.cluster.local"),
    ]
}

/// Creates a CA and a serving certificate for `names` (DNS names or IP addresses), valid for
/// [`VALID_DAYS`] from `now`.
pub fn generate(names: &[String], common_name: &str, now: jiff::Timestamp) -> Result<Bundle, String> {
    let err = |e: rcgen::Error| format!("cannot create the certificates: {e}");
    let not_before = time(now - jiff::SignedDuration::from_hours(1))?;
    let not_after = time(now + jiff::SignedDuration::from_hours(24 * VALID_DAYS))?;

    let ca_key = KeyPair::generate().map_err(err)?;
    let mut ca = CertificateParams::new(Vec::<String>::new()).map_err(err)?;
    ca.distinguished_name = name(&format!("{common_name} CA"));
    ca.is_ca = IsCa::Ca(BasicConstraints::Constrained(0));
    ca.key_usages =
        vec![KeyUsagePurpose::KeyCertSign, KeyUsagePurpose::CrlSign, KeyUsagePurpose::DigitalSignature];
    ca.not_before = not_before;
    ca.not_after = not_after;
    let ca_key_pem = ca_key.serialize_pem();
    let issuer = CertifiedIssuer::self_signed(ca, ca_key).map_err(err)?;

    let key = KeyPair::generate().map_err(err)?;
    let mut leaf = CertificateParams::new(names.to_vec()).map_err(err)?;
    leaf.distinguished_name = name(names.first().map_or(common_name, String::as_str));
    leaf.key_usages = vec![KeyUsagePurpose::DigitalSignature, KeyUsagePurpose::KeyEncipherment];
    leaf.extended_key_usages = vec![ExtendedKeyUsagePurpose::ServerAuth];
    leaf.not_before = not_before;
    leaf.not_after = not_after;
    let cert = leaf.signed_by(&key, &issuer).map_err(err)?;
    Ok(Bundle { ca_cert: issuer.pem(), ca_key: ca_key_pem, cert: cert.pem(), key: key.serialize_pem() })
}

fn name(common_name: &str) -> DistinguishedName {
    let mut dn = DistinguishedName::new();
    dn.push(DnType::CommonName, common_name);
    dn
}

fn time(t: jiff::Timestamp) -> Result<time::OffsetDateTime, String> {
    let d = t.to_zoned(jiff::tz::TimeZone::UTC).date();
    let month = u8::try_from(d.month()).map_err(|e| e.to_string())?;
    let day = u8::try_from(d.day()).map_err(|e| e.to_string())?;
    Ok(rcgen::date_time_ymd(i32::from(d.year()), month, day))
}
