//! Data from where it lives, through the real binary: CSV in the encodings Excel and Chinese
//! Windows write, headers as people write them, workbooks and vCards; and out again.

mod common;

use common::cli::{Cli, path};

fn gbk(text: &str) -> Vec<u8> {
    let (bytes, _, unmappable) = encoding_rs::GBK.encode(text);
    assert!(!unmappable);
    bytes.into_owned()
}

impl Cli {
    fn bytes_file(&self, name: &str, bytes: &[u8]) -> std::path::PathBuf {
        let path = self.dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        path
    }
}

#[test]
fn a_gbk_file_from_chinese_excel_imports_and_says_how_it_was_read() {
    let cli = Cli::new();
    let file = cli.bytes_file(
        "gbk.csv",
        &gbk("customer_id,name,phone,city\nC1,张三,13900000001,北京\nC2,李四,13900000002,上海\n"),
    );
    let out = cli.run(&["import", "customers", path(&file)]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.contains("gbk.csv: read as GBK (detected"),
        "{stderr}"
    );
    let found = cli.ok(&["lookup", "--format", "json", "zhangsan"]);
    assert!(found.contains("张三") && found.contains("北京"), "{found}");
    // Given explicitly, and said so.
    let again = cli.run(&["import", "customers", path(&file), "--encoding", "gb18030"]);
    let stderr = String::from_utf8_lossy(&again.stderr);
    assert!(stderr.contains("read as gb18030 (as given)"), "{stderr}");
    assert!(String::from_utf8_lossy(&again.stdout).contains("2 unchanged"));
}

#[test]
fn bytes_no_encoding_reads_are_refused_with_their_line_and_nothing_is_written() {
    let cli = Cli::new();
    let file = cli.bytes_file("bad.csv", b"customer_id,name\nC1,Ann\nC2,\xFF\xFE\xFF\n");
    let stderr = cli.fails(&["import", "customers", path(&file)]);
    assert!(
        stderr.contains("bad.csv:3: row: byte 0xFF is not valid UTF-8, GBK, GB18030, Big5 text"),
        "{stderr}"
    );
    assert!(cli.ok(&["stats"]).contains("customers  0"));
    // Read as a given encoding, the bad byte is named with its line too.
    let stderr = cli.fails(&["import", "customers", path(&file), "--encoding", "gbk"]);
    assert!(
        stderr.contains("bad.csv:3: row: byte 0xFF is not valid GBK text"),
        "{stderr}"
    );
    let stderr = cli.fails(&["import", "customers", path(&file), "--encoding", "klingon"]);
    assert!(
        stderr.contains("klingon is not an encoding loyal knows"),
        "{stderr}"
    );
}

#[test]
fn utf16_with_a_mark_and_utf8_with_a_mark_import() {
    let cli = Cli::new();
    let text = "customer_id,name\nC1,王五\n";
    let mut utf16 = vec![0xFF, 0xFE];
    for unit in text.encode_utf16() {
        utf16.extend_from_slice(&unit.to_le_bytes());
    }
    let file = cli.bytes_file("unicode.csv", &utf16);
    let out = cli.run(&["import", "customers", path(&file)]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.contains("read as UTF-16LE (from its byte-order mark)"),
        "{stderr}"
    );
    let mut marked = b"\xEF\xBB\xBF".to_vec();
    marked.extend_from_slice("customer_id,name\nC2,赵六\n".as_bytes());
    cli.ok(&[
        "import",
        "customers",
        path(&cli.bytes_file("bom.csv", &marked)),
    ]);
    let csv = cli.ok(&["export", "customers"]);
    assert!(
        csv.contains("C1,王五,") && csv.contains("C2,赵六,"),
        "{csv}"
    );
}

#[test]
fn export_in_gbk_or_with_a_mark_for_excel_and_back_again() {
    let cli = Cli::new();
    let file = cli.file("c.csv", "customer_id,name,city\nC1,张三,北京\n");
    cli.ok(&["import", "customers", path(&file)]);
    let out = cli.dir.path().join("out.csv");
    cli.ok(&[
        "export",
        "customers",
        "--encoding",
        "gbk",
        "--out",
        path(&out),
    ]);
    let bytes = std::fs::read(&out).unwrap();
    let (text, _, bad) = encoding_rs::GBK.decode(&bytes);
    assert!(!bad && text.contains("C1,张三,,,,北京"), "{text}");
    assert!(std::str::from_utf8(&bytes).is_err(), "GBK, not UTF-8");
    let back = cli.ok(&["import", "customers", path(&out)]);
    assert!(back.contains("1 unchanged"), "{back}");
    cli.ok(&["export", "customers", "--bom", "--out", path(&out)]);
    assert!(
        std::fs::read(&out)
            .unwrap()
            .starts_with(b"\xEF\xBB\xBFcustomer_id,")
    );
    let stderr = cli.fails(&["export", "customers", "--format", "json", "--bom"]);
    assert!(stderr.contains("JSON is always UTF-8"), "{stderr}");
    // A character GBK cannot hold stops the export, named.
    let emoji = cli.file("e.csv", "customer_id,name\nC2,Ann 😀\n");
    cli.ok(&["import", "customers", path(&emoji)]);
    let stderr = cli.fails(&[
        "export",
        "customers",
        "--encoding",
        "gbk",
        "--out",
        path(&out),
    ]);
    assert!(stderr.contains("😀 cannot be written in GBK"), "{stderr}");
}
