//! `ladrillo report --framework`: the control tables, statuses decided from real scans, golden
//! outputs, and honesty (nothing passes without relevant input).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "a test or bench target: a failed assumption is a failed test"
)]

mod common;

use ladrillo::i18n::Lang;
use ladrillo::input::Inputs;
use ladrillo::report::compliance::{self, FrameworkReport, ReportFormat, Status};
use ladrillo::rules::frameworks::FrameworkId;
use ladrillo::scan::ScanSettings;
use ladrillo::settings::{Config, Selector};

/// The 50 controls of CIS Amazon EKS Benchmark v1.8.0 (kube-bench `cfg/eks-1.8.0`).
const CIS_EKS_1_8: &[&str] = &[
    "2.1.1", "2.1.2", "3.1.1", "3.1.2", "3.1.3", "3.1.4", "3.2.1", "3.2.2", "3.2.3", "3.2.4", "3.2.5",
    "3.2.6", "3.2.7", "3.2.8", "3.2.9", "4.1.1", "4.1.2", "4.1.3", "4.1.4", "4.1.5", "4.1.6", "4.1.7",
    "4.1.8", "4.1.9", "4.1.10", "4.1.11", "4.1.12", "4.2.1", "4.2.2", "4.2.3", "4.2.4", "4.2.5", "4.3.1",
    "4.3.2", "4.4.1", "4.4.2", "4.5.1", "4.5.2", "5.1.1", "5.1.2", "5.1.3", "5.1.4", "5.2.1", "5.3.1",
    "5.4.1", "5.4.2", "5.4.3", "5.4.4", "5.4.5", "5.5.1",
];

fn settings(framework: FrameworkId) -> ScanSettings {
    let select: Vec<Selector> =
        compliance::rule_names(framework).into_iter().map(|n| Selector::parse(n).unwrap()).collect();
    ScanSettings::new(Config::default(), &select, &[], common::test_day())
}

fn report(framework: FrameworkId, paths: &[&str]) -> FrameworkReport {
    let paths: Vec<String> = paths.iter().map(ToString::to_string).collect();
    let settings = settings(framework);
    compliance::evaluate(framework, Inputs::from_paths(&paths, &settings.input_options()), &settings)
}

fn report_text(framework: FrameworkId, text: &str) -> FrameworkReport {
    let settings = settings(framework);
    compliance::evaluate(framework, Inputs::from_files(&[common::source("test.yaml", text)]), &settings)
}

fn status(r: &FrameworkReport, id: &str) -> Status {
    r.controls.iter().find(|c| c.control.id == id).unwrap_or_else(|| panic!("no control {id}")).status
}

#[test]
fn cis_table_has_every_control_of_the_benchmark() {
    let ids: Vec<&str> = FrameworkId::CisEks18.controls().iter().map(|c| c.id).collect();
    assert_eq!(ids, CIS_EKS_1_8);
}

/// The same list, read from the reference notes when they are beside the repository.
#[test]
fn cis_table_matches_the_reference_notes() {
    let found = ["../shared/reference/eks-facts.md", "../../shared/reference/eks-facts.md"]
        .iter()
        .map(|p| common::root().join(p))
        .find(|p| p.exists());
    let Some(path) = found else {
        assert!(std::env::var_os("CI").is_none(), "../shared/reference/eks-facts.md is missing");
        eprintln!("not compared: ../shared/reference/eks-facts.md not found");
        return;
    };
    let text = common::read(&path);
    let start = text.find("## 3. CIS Amazon EKS Benchmark").expect("CIS section");
    let end = start + text[start..].find("\n---").expect("section end");
    let ids: Vec<&str> = text[start..end]
        .lines()
        .filter_map(|l| l.strip_prefix("| "))
        .filter_map(|l| l.split(" |").next())
        .filter(|id| id.chars().next().is_some_and(|c| c.is_ascii_digit()))
        .collect();
    assert_eq!(ids.len(), 50);
    assert_eq!(ids, CIS_EKS_1_8);
}

/// A rule citing a control the framework does not have would be silently left out of reports.
#[test]
fn every_reference_names_a_control() {
    for (fw, scheme) in [(FrameworkId::CisEks18, "cis-eks-1.8:"), (FrameworkId::NsaCisa, "nsa-cisa:")] {
        let ids: Vec<&str> = fw.controls().iter().map(|c| c.id).collect();
        for r in ladrillo::rules::all() {
            for id in r.meta().references.iter().filter_map(|x| x.strip_prefix(scheme)) {
                assert!(ids.contains(&id), "{} cites {scheme}{id}, which {fw} does not have", r.meta().code);
            }
        }
    }
}

#[test]
fn pss_frameworks_have_every_check_of_their_level() {
    use ladrillo::analysis::pss::{Level, checks_of};
    for (fw, level) in
        [(FrameworkId::PssBaseline, Level::Baseline), (FrameworkId::PssRestricted, Level::Restricted)]
    {
        let ids: Vec<&str> = fw.controls().iter().map(|c| c.id).collect();
        let checks: Vec<&str> = checks_of(level).iter().map(|c| c.as_str()).collect();
        assert_eq!(ids, checks, "{fw}");
    }
}

#[test]
fn guide_has_every_practice_with_a_spanish_title() {
    let controls = FrameworkId::Guide.controls();
    assert_eq!(controls.len(), ladrillo::rules::guide_map::practice_ids().len());
    let g43 = controls.iter().find(|c| c.id == "G4.3").unwrap();
    assert!(g43.title.starts_with("Pod Security Admission: sin root"), "{}", g43.title);
}

#[test]
fn statuses_follow_the_input() {
    let r = report(FrameworkId::CisEks18, &["tests/data/frameworks"]);
    assert_eq!(status(&r, "4.2.1"), Status::Fail); // a privileged container
    assert_eq!(status(&r, "4.2.2"), Status::Pass); // workloads, none with hostPID
    assert_eq!(status(&r, "5.4.1"), Status::NotApplicable); // no cluster definition
    assert_eq!(status(&r, "3.2.1"), Status::Manual); // node configuration
    let with_cluster = report(FrameworkId::CisEks18, &["tests/data/frameworks", "examples/guide-cluster"]);
    assert_eq!(status(&with_cluster, "5.4.1"), Status::Fail); // endpoint open to 0.0.0.0/0
    assert_eq!(r.exit_code(), 1);
}

/// Encryption at rest is set on clusters and StorageClasses, and exposure on Services and
/// Ingresses: a workload says nothing about either, so those controls are not applicable on
/// workloads alone, and a StorageClass or a Service decides them.
#[test]
fn controls_are_decided_only_by_the_kinds_their_rules_read() {
    let deployment = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\n  namespace: a\nspec:\n  \
                      template:\n    spec:\n      containers:\n        - name: c\n          image: nginx\n";
    let nsa = report_text(FrameworkId::NsaCisa, deployment);
    assert_eq!(status(&nsa, "encryption"), Status::NotApplicable);
    let guide = report_text(FrameworkId::Guide, deployment);
    for id in ["G2.4", "G4.7", "G7.1"] {
        assert_eq!(status(&guide, id), Status::NotApplicable, "{id}");
    }
    let storage = |encrypted: &str| {
        format!(
            "{deployment}---\napiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: gp3\n\
             provisioner: ebs.csi.aws.com\nparameters:\n  type: gp3\n  encrypted: \"{encrypted}\"\n"
        )
    };
    assert_eq!(status(&report_text(FrameworkId::NsaCisa, &storage("false")), "encryption"), Status::Fail);
    assert_eq!(status(&report_text(FrameworkId::NsaCisa, &storage("true")), "encryption"), Status::Pass);
    let service = format!(
        "{deployment}---\napiVersion: v1\nkind: Service\nmetadata:\n  name: s\n  namespace: a\nspec:\n  \
         type: ClusterIP\n  ports:\n    - port: 80\n"
    );
    assert_ne!(status(&report_text(FrameworkId::Guide, &service), "G7.1"), Status::NotApplicable);
}

/// A ConfigMap says nothing about pods or RBAC: those controls are not applicable, never passed.
#[test]
fn nothing_passes_on_unrelated_input() {
    let r = report_text(
        FrameworkId::CisEks18,
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  namespace: a\n",
    );
    for c in &r.controls {
        if c.control.inputs.iter().all(|i| {
            !matches!(
                i,
                ladrillo::rules::frameworks::Input::Namespaced | ladrillo::rules::frameworks::Input::Objects
            )
        }) {
            assert_ne!(c.status, Status::Pass, "{} passed on a lone ConfigMap", c.control.id);
        }
    }
    let restricted =
        report_text(FrameworkId::PssRestricted, "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n");
    assert!(restricted.controls.iter().all(|c| c.status == Status::NotApplicable));
    assert!(restricted.decided_nothing());
    assert_eq!(restricted.exit_code(), 2);
    let empty = report_text(FrameworkId::Guide, "");
    assert!(empty.controls.iter().all(|c| c.status != Status::Pass));
    assert_eq!(empty.exit_code(), 2);
}

/// A binding to cluster-admin is one finding (cluster-admin-binding, which names what it implies),
/// yet every control about a permission that binding grants fails: secrets, bind/escalate/
/// impersonate, node proxy, webhook configurations, token creation.
#[test]
fn a_cluster_admin_binding_fails_the_controls_of_what_it_grants() {
    let binding = "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata:\n  \
                   name: developers-admin\nroleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: ClusterRole\n  \
                   name: cluster-admin\nsubjects:\n  - kind: Group\n    name: developers\n    \
                   apiGroup: rbac.authorization.k8s.io\n";
    let r = report_text(FrameworkId::CisEks18, binding);
    for id in ["4.1.1", "4.1.2", "4.1.8", "4.1.10", "4.1.11", "4.1.12"] {
        assert_eq!(status(&r, id), Status::Fail, "{id}");
    }
}

/// A waived finding does not fail its control; the report counts it.
#[test]
fn waived_findings_do_not_fail_a_control() {
    let pod = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  namespace: a\n  annotations:\n    \
               ladrillo.dev/ignore: host-pid\n    ladrillo.dev/ignore-reason: node agent\nspec:\n  hostPID: true\n  \
               containers:\n    - name: c\n      image: x@sha256:0000000000000000000000000000000000000000000000000000000000000000\n";
    let r = report_text(FrameworkId::CisEks18, pod);
    let c = r.controls.iter().find(|c| c.control.id == "4.2.2").unwrap();
    assert_eq!((c.status, c.waived), (Status::Pass, 1));
}

#[test]
fn golden_outputs() {
    let r = report(FrameworkId::CisEks18, &["tests/data/frameworks", "examples/guide-cluster"]);
    insta::assert_snapshot!("cis_text", compliance::render(&r, ReportFormat::Text));
    insta::assert_snapshot!("cis_json", compliance::render(&r, ReportFormat::Json));
    insta::assert_snapshot!("cis_markdown", compliance::render(&r, ReportFormat::Markdown));
    insta::assert_snapshot!("cis_markdown_es", compliance::render_in(&r, ReportFormat::Markdown, Lang::Es));
    let html = compliance::render_in(&r, ReportFormat::Html, Lang::Es);
    assert_eq!(html.matches("<tr data-item").count(), r.controls.len(), "one row per control");
    assert!(html.contains("<html lang=\"es\">") && html.contains("no cumple"));
    insta::assert_snapshot!("cis_html_es", html);
    for fw in [FrameworkId::PssBaseline, FrameworkId::PssRestricted, FrameworkId::NsaCisa, FrameworkId::Guide]
    {
        let r = report(fw, &["tests/data/frameworks", "examples/guide-cluster"]);
        insta::assert_snapshot!(format!("{fw}_text"), compliance::render(&r, ReportFormat::Text));
    }
}

/// The same reports in Spanish: statuses, phrases, what to check by hand and the NSA/CISA and Pod
/// Security titles are translated; CIS titles stay as the benchmark publishes them.
#[test]
fn golden_outputs_in_spanish() {
    let r = report(FrameworkId::CisEks18, &["tests/data/frameworks", "examples/guide-cluster"]);
    insta::assert_snapshot!("cis_text_es", compliance::render_in(&r, ReportFormat::Text, Lang::Es));
    // Without a cluster definition: not-applicable controls and their reasons.
    let r = report(FrameworkId::CisEks18, &["tests/data/frameworks"]);
    insta::assert_snapshot!(
        "cis_objects_only_text_es",
        compliance::render_in(&r, ReportFormat::Text, Lang::Es)
    );
    for fw in [FrameworkId::PssBaseline, FrameworkId::PssRestricted, FrameworkId::NsaCisa, FrameworkId::Guide]
    {
        let r = report(fw, &["tests/data/frameworks", "examples/guide-cluster"]);
        insta::assert_snapshot!(
            format!("{fw}_text_es"),
            compliance::render_in(&r, ReportFormat::Text, Lang::Es)
        );
        insta::assert_snapshot!(
            format!("{fw}_markdown_es"),
            compliance::render_in(&r, ReportFormat::Markdown, Lang::Es)
        );
    }
}

/// Every title and every text of what to check by hand that a Spanish report shows has its
/// message in `frameworks.ftl` with the table's exact English text, and every such message is
/// still a text of a table (none left behind when a table changes).
#[test]
fn every_table_text_has_its_translation() {
    use ladrillo::i18n::framework_text_id;
    let mut missing = Vec::new();
    let mut used = std::collections::BTreeSet::new();
    for fw in FrameworkId::ALL {
        for c in fw.controls() {
            let translated_title =
                matches!(fw, FrameworkId::NsaCisa | FrameworkId::PssBaseline | FrameworkId::PssRestricted);
            let texts = [translated_title.then_some(c.title), (!c.by_hand.is_empty()).then_some(c.by_hand)];
            for text in texts.into_iter().flatten() {
                match framework_text_id(text) {
                    Some(id) => {
                        used.insert(id);
                    }
                    None => missing.push(format!("{fw} {}: {text}", c.id)),
                }
            }
        }
    }
    assert!(missing.is_empty(), "no message in src/i18n/*/frameworks.ftl for:\n{}", missing.join("\n"));
    let stale: Vec<String> = ladrillo::i18n::audit::entries(Lang::En)
        .unwrap()
        .into_iter()
        .filter(|e| {
            e.file == "frameworks.ftl" && e.id.starts_with("control-") && !used.contains(e.id.as_str())
        })
        .map(|e| e.id)
        .collect();
    assert!(stale.is_empty(), "frameworks.ftl messages no table text matches:\n{}", stale.join("\n"));
}

#[test]
fn spanish_names_missing_input_kinds_after_a_negation() {
    use ladrillo::report::compliance::words::{Reason, or_list, waived};
    use ladrillo::rules::frameworks::Input;
    assert_eq!(
        or_list(&[Input::Workloads, Input::Cluster], Lang::Es),
        "cargas de trabajo ni definiciones de clúster"
    );
    assert_eq!(
        or_list(&[Input::Cluster, Input::Objects], Lang::Es),
        "definiciones de clúster ni objetos de Kubernetes"
    );
    assert_eq!(
        or_list(&[Input::Cluster, Input::Objects], Lang::En),
        "cluster definitions or Kubernetes objects"
    );
    let reason = Reason::NoInput(&[Input::Rbac, Input::Cluster]);
    assert_eq!(
        reason.render(Lang::En),
        "no relevant input: no RBAC objects or cluster definitions in the input"
    );
    assert_eq!(
        reason.render(Lang::Es),
        "sin entrada relevante: la entrada no tiene objetos de RBAC ni definiciones de clúster"
    );
    assert_eq!(
        (waived(1, Lang::Es), waived(3, Lang::Es)),
        ("1 hallazgo eximido".into(), "3 hallazgos eximidos".into())
    );
    assert_eq!(waived(1, Lang::En), "1 waived");
}

#[test]
fn cli_scores_a_framework_and_never_overwrites_an_input() {
    let out = assert_cmd::Command::cargo_bin("ladrillo")
        .unwrap()
        .current_dir(common::root())
        .args(["report", "--framework", "pss-baseline", "tests/data/frameworks", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["framework"]["id"], "pss-baseline");
    assert!(v["controls"].as_array().unwrap().iter().any(|c| c["status"] == "fail"));
    let typo = assert_cmd::Command::cargo_bin("ladrillo")
        .unwrap()
        .args(["report", "--framework", "cis-eks", "."])
        .output()
        .unwrap();
    assert_eq!(typo.status.code(), Some(2));
    let overwrite = assert_cmd::Command::cargo_bin("ladrillo")
        .unwrap()
        .current_dir(common::root())
        .args(["report", "--framework", "guide", "tests/data/frameworks/app.yaml", "-o"])
        .arg("tests/data/frameworks/app.yaml")
        .output()
        .unwrap();
    assert_eq!(overwrite.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&overwrite.stderr).contains("would overwrite"));
}

/// Issue 18 §4: a privileged container's privilege escalation is folded into its
/// `privileged-container` finding, and the control about privilege escalation still fails on it.
#[test]
fn a_folded_finding_still_fails_its_control() {
    let r = report_text(
        FrameworkId::CisEks18,
        "apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: a}\nspec:\n  securityContext: {runAsNonRoot: true}\n  \
         containers:\n    - name: c\n      image: \"nginx:1.27\"\n      securityContext: {privileged: true}\n",
    );
    assert_eq!(status(&r, "4.2.1"), Status::Fail);
    assert_eq!(status(&r, "4.2.5"), Status::Fail);
    let control = r.controls.iter().find(|c| c.control.id == "4.2.5").unwrap();
    assert!(control.findings.iter().all(|f| f.rule.code == "POD001"), "{:?}", control.findings);
}

/// The scores the HTML scan report shows come from the scan's own rule selection: a control
/// whose rules were not all selected is manual (not run), never a pass, and with every rule of
/// the framework selected the counts are those of `ladrillo report --framework`.
#[test]
fn prepared_scores_never_pass_a_control_whose_rules_did_not_run() {
    let text = common::read(&common::root().join("tests/data/frameworks/app.yaml"));
    let only = [Selector::parse("privileged-container").unwrap()];
    let narrow = ScanSettings::new(Config::default(), &only, &[], common::test_day());
    for framework in FrameworkId::ALL {
        let inputs = Inputs::from_files(&[common::source("test.yaml", &text)]);
        let prepared = compliance::Prepared::new(framework, &inputs.set, &narrow);
        let scan = ladrillo::scan::scan(inputs, &narrow);
        let (controls, score) = prepared.decide(&scan, &narrow);
        let full = report_text(framework, &text);
        let mut not_run = 0;
        for (c, f) in controls.iter().zip(&full.controls) {
            assert_eq!(c.control.id, f.control.id);
            if framework.pss_check(c.control.id).is_some() {
                assert_eq!(c.status, f.status, "{framework:?} {}", c.control.id);
                continue;
            }
            let ran = framework.rules(c.control.id).iter().all(|r| r.meta().name == "privileged-container");
            if !ran {
                assert!(
                    matches!(c.status, Status::Manual),
                    "{framework:?} {} is {:?} without its rules",
                    c.control.id,
                    c.status
                );
                not_run += usize::from(f.status == Status::Pass || f.status == Status::Fail);
            }
        }
        assert_eq!(score.controls, full.score.controls);
        if framework.pss_check(framework.controls()[0].id).is_none() {
            assert!(not_run > 0, "{framework:?}: no control decided by other rules in the full report");
        }
        let inputs = Inputs::from_files(&[common::source("test.yaml", &text)]);
        let all = settings(framework);
        let prepared = compliance::Prepared::new(framework, &inputs.set, &all);
        let scan = ladrillo::scan::scan(inputs, &all);
        let (_, same) = prepared.decide(&scan, &all);
        assert_eq!(
            (same.pass, same.fail, same.not_applicable, same.manual),
            (full.score.pass, full.score.fail, full.score.not_applicable, full.score.manual),
            "{framework:?}"
        );
    }
}

/// `ladrillo scan --format html` shows every framework's score, in the reader's language, with
/// the counts `ladrillo report --framework` gives for the Pod Security frameworks (decided by the
/// Pod Security evaluation whichever rules are selected); other formats do not change.
#[test]
fn html_scan_report_shows_framework_scores() {
    let run = |args: &[&str]| {
        let out = assert_cmd::Command::cargo_bin("ladrillo")
            .unwrap()
            .current_dir(common::root())
            .args(args)
            .output()
            .unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    let json = run(&["report", "--framework", "pss-baseline", "tests/data/frameworks", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let s = &v["score"];
    let row = format!(
        "<code>pss-baseline</code></th><td>{}</td><td>{}</td><td>{}</td><td>{}</td>",
        s["pass"], s["fail"], s["not_applicable"], s["manual"]
    );
    for (lang, heading) in [("en", "Framework scores"), ("es", "Puntuación por marco")] {
        let html = run(&["scan", "--no-config", "--lang", lang, "-f", "html", "tests/data/frameworks"]);
        assert!(html.contains(&format!("<h2 id=\"frameworks\">{heading}</h2>")), "{html}");
        for framework in FrameworkId::ALL {
            assert!(html.contains(&format!("<code>{}</code></th>", framework.as_str())), "{html}");
        }
        assert!(html.contains(&row), "{row} not in {html}");
        assert!(html.contains("<code>ladrillo report --framework F"), "{html}");
    }
    let text = run(&["scan", "--no-config", "tests/data/frameworks"]);
    assert!(!text.contains("pss-baseline"), "{text}");
}

/// A control whose cluster rules cannot apply to a control plane on AWS Outposts (KMS secrets
/// encryption, access entries, IRSA) is not applicable there, with the reason, rather than a
/// pass; the same cluster in a Region fails them, and controls that do apply are still decided.
#[test]
fn controls_that_cannot_apply_on_outposts_are_not_applicable_there() {
    let outposts = "\
apiVersion: eksctl.io/v1alpha5
kind: ClusterConfig
metadata: {name: local, region: us-west-2}
nodeGroups:
  - name: ng
    privateNetworking: true
outpost:
  controlPlaneOutpostARN: arn:aws:outposts:us-west-2:111122223333:outpost/op-1234
";
    let r = report_text(FrameworkId::CisEks18, outposts);
    assert_eq!(r.coverage.outposts, 1);
    for id in ["4.1.7", "5.2.1", "5.3.1"] {
        assert_eq!(status(&r, id), Status::NotApplicable, "{id}");
        let c = r.controls.iter().find(|c| c.control.id == id).unwrap();
        let reason = c.reason.as_ref().unwrap().render(Lang::En);
        assert!(reason.contains("AWS Outposts"), "{id}: {reason}");
    }
    assert_eq!(status(&r, "2.1.1"), Status::Fail);
    assert_eq!(status(&r, "5.4.2"), Status::Pass);

    let region = outposts.replace(
        "outpost:\n  controlPlaneOutpostARN: arn:aws:outposts:us-west-2:111122223333:outpost/op-1234\n",
        "",
    );
    let r = report_text(FrameworkId::CisEks18, &region);
    assert_eq!(r.coverage.outposts, 0);
    for id in ["4.1.7", "5.2.1", "5.3.1"] {
        assert_ne!(status(&r, id), Status::NotApplicable, "{id}");
    }
    assert_eq!(status(&r, "5.3.1"), Status::Fail);
}
