use std::time::{Duration, Instant};
#[test]
fn timing() {
    let text = std::fs::read_to_string("/tmp/packs-wt/corpus/doc.txt").unwrap();
    let mut linter = mtlint::Linter::builtin();
    linter.source_languages(&["all".into()]).unwrap();
    let mut times: Vec<(Duration, String, bool)> = linter.rules().map(|r| {
        let s = Instant::now(); let mut out = Vec::new(); r.check(&text, &mut out);
        (s.elapsed(), r.meta().id.to_string(), r.required_literals().is_none())
    }).collect();
    times.sort_by(|a, b| b.cmp(a));
    for (t, id, always) in times.iter().take(25) { println!("{:>8.1} ms {id} always={always}", t.as_secs_f64()*1e3); }
    println!("always-run: {:?}", times.iter().filter(|t| t.2).map(|t| t.1.clone()).collect::<Vec<_>>());
}
