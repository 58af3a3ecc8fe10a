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

#[test]
fn chinese_headers_and_labels_in_a_gbk_file_import_without_a_mapping() {
    let cli = Cli::new();
    let customers = gbk("客户编号,客户名称,手机,邮箱,单位,城市,性别,负责人\n\
         K1,张三,13900000001,zs@example.com,悟空科技,北京,男,Bob\n\
         K2,李四,13900000002,,,上海,女士,Bob\n");
    let out = cli.run(&[
        "import",
        "customers",
        path(&cli.bytes_file("客户.csv", &customers)),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let orders = gbk("订单号,客户编号,下单时间,金额（元）,渠道\n\
         D1,K1,2026-11-01,199.00,微信\n\
         D2,K2,2026-11-02,59.50,官网\n");
    let out = cli.run(&[
        "import",
        "orders",
        path(&cli.bytes_file("订单.csv", &orders)),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let csv = cli.ok(&["export", "customers"]);
    assert!(
        csv.contains("K1,张三,13900000001,zs@example.com,悟空科技,北京,,,male,"),
        "{csv}"
    );
    assert!(
        csv.contains("K2,李四,13900000002,,,上海,,,female,"),
        "{csv}"
    );
    let orders = cli.ok(&["export", "orders"]);
    // An order's channel is the shop's own word for it, kept as written.
    assert!(
        orders.contains("D1,K1,2026-11-01") && orders.contains(",199.00,,,微信"),
        "{orders}"
    );
    assert!(orders.contains(",59.50,,,官网"), "{orders}");
    let followups = gbk("客户编号,跟进时间,方式,方向,内容,满意度
K1,2026-11-03 10:00,微信,来电,问物流,5
");
    let out = cli.run(&[
        "import",
        "followups",
        path(&cli.bytes_file("跟进.csv", &followups)),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let followups = cli.ok(&["export", "followups"]);
    assert!(followups.contains(",chat,inbound,"), "{followups}");
    assert!(followups.contains("问物流"), "{followups}");
}

#[test]
fn a_mapping_and_a_saved_profile_name_the_columns_nobody_knows() {
    let cli = Cli::new();
    let file = cli.file(
        "wukong.csv",
        "会员卡,会员名,手机号码,备注\nW1,孙悟空,13800000001,花果山\nW2,猪八戒,13800000002,\n",
    );
    let stderr = cli.fails(&["import", "customers", path(&file)]);
    assert!(
        stderr.contains("wukong.csv:1: customer_id: required column missing"),
        "{stderr}"
    );
    // The preview says which column becomes which field, with two samples, and writes nothing.
    let preview = cli.ok(&[
        "import",
        "customers",
        path(&file),
        "--dry-run",
        "--map",
        "会员卡=customer_id,会员名=name",
    ]);
    assert!(
        preview.contains("会员卡   -> customer_id  W1 | W2"),
        "{preview}"
    );
    assert!(
        preview.contains("手机号码 -> phone        13800000001 | 13800000002"),
        "{preview}"
    );
    assert!(
        preview.contains("备注     -> (ignored)    花果山"),
        "{preview}"
    );
    assert!(cli.ok(&["stats"]).contains("customers  0"));
    cli.ok(&[
        "import",
        "--save-profile",
        "wukong",
        "--map",
        "会员卡=customer_id,会员名=name",
    ]);
    assert!(
        cli.ok(&["import", "--list-profiles"])
            .contains("wukong  会员卡=customer_id,会员名=name")
    );
    let done = cli.ok(&["import", "customers", path(&file), "--profile", "wukong"]);
    assert!(done.contains("2 new"), "{done}");
    let audit = cli.ok(&["audit"]);
    assert!(audit.contains("import.profile.wukong"), "{audit}");
    let stderr = cli.fails(&["import", "customers", path(&file), "--profile", "wukang"]);
    assert!(
        stderr.contains("there is no import profile wukang (profiles: wukong)"),
        "{stderr}"
    );
    let stderr = cli.fails(&[
        "import",
        "customers",
        path(&file),
        "--map",
        "会员卡=custmer_id",
    ]);
    assert!(stderr.contains("did you mean customer_id?"), "{stderr}");
    cli.ok(&["import", "--remove-profile", "wukong"]);
    assert!(!cli.ok(&["import", "--list-profiles"]).contains("wukong"));
}

#[test]
fn an_unknown_column_is_named_once_with_a_did_you_mean() {
    let cli = Cli::new();
    let file = cli.file("c.csv", "客户编号,姓名,手机号吗\nC1,Ann,139\n");
    let out = cli.run(&["import", "customers", path(&file)]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.contains("ignoring unknown column(s) 手机号吗 (did you mean 手机号码 (phone)?)"),
        "{stderr}"
    );
    assert_eq!(stderr.matches("手机号吗").count(), 1, "{stderr}");
}

/// A workbook as Excel writes one: a sheet of customers with Chinese headers, a phone typed
/// as text and one Excel turned into a number, a birthday as a date cell and one as a bare
/// serial number; and a second sheet.
fn customers_workbook(path: &std::path::Path) {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let mut book = Workbook::new();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    let sheet = book.add_worksheet().set_name("客户").unwrap();
    for (at, header) in ["客户编号", "客户名称", "手机", "生日", "城市"]
        .iter()
        .enumerate()
    {
        sheet.write_string(0, at as u16, *header).unwrap();
    }
    sheet.write_string(1, 0, "K1").unwrap();
    sheet.write_string(1, 1, "张三").unwrap();
    sheet.write_string(1, 2, "13900000001").unwrap();
    let birthday = ExcelDateTime::from_ymd(1990, 5, 1).unwrap();
    sheet
        .write_datetime_with_format(1, 3, &birthday, &date)
        .unwrap();
    sheet.write_string(1, 4, "北京").unwrap();
    // An id typed as a number, a birthday as a bare serial number (1985-03-02).
    sheet.write_number(2, 0, 1002.0).unwrap();
    sheet.write_string(2, 1, "李四").unwrap();
    sheet.write_string(2, 2, "13900000002").unwrap();
    sheet.write_number(2, 3, 31108.0).unwrap();
    let other = book.add_worksheet().set_name("说明").unwrap();
    other.write_string(0, 0, "这张表不是数据").unwrap();
    book.save(path).unwrap();
}

#[test]
fn an_excel_workbook_imports_with_its_dates_and_ids_as_excel_stores_them() {
    let cli = Cli::new();
    let book = cli.dir.path().join("book.xlsx");
    customers_workbook(&book);
    let preview = cli.ok(&["import", "customers", path(&book), "--dry-run"]);
    assert!(
        preview.contains("客户编号 -> customer_id  K1 | 1002"),
        "{preview}"
    );
    assert!(
        preview.contains("生日     -> birthday     1990-05-01 | 1985-03-02"),
        "{preview}"
    );
    cli.ok(&["import", "customers", path(&book)]);
    let csv = cli.ok(&["export", "customers"]);
    assert!(
        csv.contains("K1,张三,13900000001,,,北京,,1990-05-01,"),
        "{csv}"
    );
    assert!(
        csv.contains("1002,李四,13900000002,,,,,1985-03-02,"),
        "{csv}"
    );
    // Another sheet by name or number; one that is not there is refused, naming those there are.
    let stderr = cli.fails(&["import", "customers", path(&book), "--sheet", "2"]);
    assert!(
        stderr.contains("customer_id: required column missing"),
        "{stderr}"
    );
    let stderr = cli.fails(&["import", "customers", path(&book), "--sheet", "订单"]);
    assert!(
        stderr.contains("the workbook has no sheet 订单 (sheets: 客户, 说明)"),
        "{stderr}"
    );
}

#[test]
fn a_phone_number_excel_turned_into_a_number_is_refused_naming_its_cell() {
    use rust_xlsxwriter::Workbook;
    let cli = Cli::new();
    let book = cli.dir.path().join("phones.xlsx");
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet().set_name("Sheet1").unwrap();
    for (at, header) in ["customer_id", "name", "phone"].iter().enumerate() {
        sheet.write_string(0, at as u16, *header).unwrap();
    }
    for row in 1..=20u32 {
        sheet.write_string(row, 0, format!("C{row}")).unwrap();
        sheet.write_string(row, 1, format!("Name {row}")).unwrap();
        if row == 16 {
            sheet.write_number(row, 2, 13_912_345_678.0).unwrap();
        } else {
            sheet.write_string(row, 2, format!("139{row:08}")).unwrap();
        }
    }
    workbook.save(&book).unwrap();
    let stderr = cli.fails(&["import", "customers", path(&book)]);
    assert!(
        stderr.contains("phones.xlsx:Sheet1!C17: phone: Excel stored this phone number as the number 1.3912345678E10"),
        "{stderr}"
    );
    assert!(cli.ok(&["stats"]).contains("customers  0"));
    // Asked to, the other rows go in and the bad one goes to the reject file with its reason.
    let rejects = cli.dir.path().join("rejects.csv");
    let done = cli.ok(&[
        "import",
        "customers",
        path(&book),
        "--skip-bad",
        path(&rejects),
    ]);
    assert!(
        done.contains("19 new") && done.contains("1 skipped"),
        "{done}"
    );
    let rejected = std::fs::read_to_string(&rejects).unwrap();
    assert!(
        rejected.contains("C16,Name 16,13912345678,17,phone,\"phone: Excel stored"),
        "{rejected}"
    );
}

#[test]
fn an_export_to_a_workbook_imports_back_unchanged() {
    let cli = Cli::with_customers();
    cli.ok(&["import", "orders", path(&cli.file("o.csv", common::ORDERS))]);
    for kind in ["customers", "orders"] {
        let book = cli.dir.path().join(format!("{kind}.xlsx"));
        cli.ok(&["export", kind, "--format", "xlsx", "--out", path(&book)]);
        let back = cli.ok(&["import", kind, path(&book)]);
        assert!(back.contains(" 0 new, 0 updated,"), "{kind}: {back}");
    }
    // Amounts are numbers and times are dates in the sheet, not text.
    use calamine::{Data, Reader, open_workbook_auto};
    let mut book = open_workbook_auto(cli.dir.path().join("orders.xlsx")).unwrap();
    let sheet = book.sheet_names()[0].clone();
    let range = book.worksheet_range(&sheet).unwrap();
    let header: Vec<String> = range
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect();
    let amount = header.iter().position(|h| h == "amount").unwrap();
    let ordered = header.iter().position(|h| h == "ordered_at").unwrap();
    let first = range.rows().nth(1).unwrap();
    assert!(
        matches!(first[amount], Data::Float(_)),
        "{:?}",
        first[amount]
    );
    assert!(
        matches!(first[ordered], Data::DateTime(_)),
        "{:?}",
        first[ordered]
    );
}

#[test]
fn contacts_from_a_phone_import_once_and_go_back_as_vcards() {
    let cli = Cli::new();
    let cards = cli.file(
        "contacts.vcf",
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:王小明\r\nN:王;小明;;;\r\nTEL;TYPE=CELL:+86 139 0000 0001\r\n\
         EMAIL:xm@example.com\r\nORG:悟空科技;销售部\r\nADR;TYPE=WORK:;;朝阳路1号;北京;;100000;中国\r\n\
         BDAY:1988-08-08\r\nCATEGORIES:vip,茶\r\nNOTE:喜欢普洱，\r\n 不喝咖啡\r\nEND:VCARD\r\n\
         BEGIN:VCARD\r\nVERSION:4.0\r\nUID:C77\r\nFN:Ann Lee\r\nTEL;VALUE=uri:tel:+1-555-010-2030\r\nEND:VCARD\r\n",
    );
    let first = cli.ok(&["import", "customers", path(&cards)]);
    assert!(first.contains("2 new"), "{first}");
    let again = cli.ok(&["import", "customers", path(&cards)]);
    assert!(again.contains("0 new, 0 updated, 2 unchanged"), "{again}");
    let csv = cli.ok(&["export", "customers"]);
    assert!(
        csv.contains(",王小明,+86 139 0000 0001,xm@example.com,悟空科技,北京,\"朝阳路1号, 100000, 中国\",1988-08-08,,vip; 茶,"),
        "{csv}"
    );
    assert!(csv.contains("喜欢普洱，不喝咖啡"), "{csv}");
    assert!(csv.contains("C77,Ann Lee,+1-555-010-2030,"), "{csv}");
    let out = cli.dir.path().join("out.vcf");
    cli.ok(&[
        "export",
        "customers",
        "--format",
        "vcard",
        "--out",
        path(&out),
    ]);
    let written = std::fs::read_to_string(&out).unwrap();
    assert!(
        written.contains("BEGIN:VCARD\r\nVERSION:3.0\r\nUID:C77\r\nFN:Ann Lee\r\n"),
        "{written}"
    );
    let back = cli.ok(&["import", "customers", path(&out)]);
    assert!(back.contains("0 new, 0 updated, 2 unchanged"), "{back}");
    let stderr = cli.fails(&["export", "orders", "--format", "vcard"]);
    assert!(stderr.contains("a vCard file holds customers"), "{stderr}");
    let broken = cli.file(
        "broken.vcf",
        "BEGIN:VCARD\nFN:Bo\nBEGIN:VCARD\nFN:Cy\nEND:VCARD\n",
    );
    let stderr = cli.fails(&["import", "customers", path(&broken)]);
    assert!(
        stderr.contains("broken.vcf:3: file: this card has no END:VCARD"),
        "{stderr}"
    );
}

/// Every row of `sheet` in the workbook at `path`.
fn sheet_rows(path: &std::path::Path, sheet: &str) -> Vec<Vec<calamine::Data>> {
    use calamine::{Reader, open_workbook_auto};
    let mut book = open_workbook_auto(path).unwrap();
    let range = book.worksheet_range(sheet).unwrap();
    range.rows().map(|r| r.to_vec()).collect()
}

fn sheet_names(path: &std::path::Path) -> Vec<String> {
    use calamine::{Reader, open_workbook_auto};
    open_workbook_auto(path).unwrap().sheet_names()
}

#[test]
fn reports_go_to_excel_with_numbers_as_numbers_and_the_readers_headings() {
    use calamine::Data;
    let cli = Cli::with_customers();
    cli.ok(&["import", "orders", path(&cli.file("o.csv", common::ORDERS))]);
    let book = cli.dir.path().join("segments.xlsx");
    let said = cli.run(&[
        "report",
        "segments",
        "--format",
        "xlsx",
        "--out",
        path(&book),
    ]);
    assert!(said.status.success());
    assert!(String::from_utf8_lossy(&said.stderr).contains("wrote the segments report to"));
    assert_eq!(sheet_names(&book), ["Segments"]);
    let rows = sheet_rows(&book, "Segments");
    let head: Vec<String> = rows[0].iter().map(|c| c.to_string()).collect();
    assert_eq!(
        head,
        [
            "Segment",
            "Customers",
            "Share of customers",
            "Revenue",
            "Share of revenue"
        ]
    );
    // The same rows as the CSV, typed: counts and amounts as numbers, shares as fractions.
    let csv = cli.ok(&["report", "segments", "--format", "csv"]);
    let lines: Vec<&str> = csv.lines().skip(1).collect();
    assert_eq!(lines.len(), rows.len() - 1);
    for (line, row) in lines.iter().zip(&rows[1..]) {
        let cells: Vec<&str> = line.split(',').collect();
        assert_eq!(row[1], Data::Float(cells[1].parse().unwrap()), "{line}");
        let Data::Float(revenue) = row[3] else {
            panic!("revenue is not a number: {:?}", row[3]);
        };
        assert_eq!(format!("{revenue:.2}"), cells[3], "{line}");
        let Data::Float(share) = row[4] else {
            panic!("share is not a number: {:?}", row[4]);
        };
        assert_eq!(format!("{share:.4}"), cells[4], "{line}");
    }

    // In Chinese: the sheet, headings and labels in Chinese, the CSV unchanged.
    let zh = cli.dir.path().join("zh.xlsx");
    let out = cli.run_zh(&["report", "segments", "--format", "xlsx", "--out", path(&zh)]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let rows = sheet_rows(&zh, "客户细分");
    assert_eq!(rows[0][0], Data::String("细分".into()));
    assert!(
        rows[1..]
            .iter()
            .any(|r| r[0] == Data::String("冠军客户".into())),
        "{rows:?}"
    );
    let out = cli.run_zh(&["report", "segments", "--format", "csv"]);
    assert_eq!(String::from_utf8(out.stdout).unwrap(), csv);
}

#[test]
fn a_churn_workbook_has_its_periods_and_who_came_back_with_dates_as_dates() {
    use calamine::Data;
    let cli = Cli::with_customers();
    cli.ok(&["import", "orders", path(&cli.file("o.csv", common::ORDERS))]);
    let book = cli.dir.path().join("churn.xlsx");
    cli.ok(&["report", "churn", "--format", "xlsx", "--out", path(&book)]);
    assert_eq!(sheet_names(&book), ["Churn by period", "Won back"]);
    let periods = sheet_rows(&book, "Churn by period");
    let csv = cli.ok(&["report", "churn", "--format", "csv"]);
    assert_eq!(periods.len(), csv.lines().count());
    for row in &periods[1..] {
        assert!(matches!(row[0], Data::DateTime(_)), "{row:?}");
        assert!(matches!(row[2], Data::Float(_)), "{row:?}");
    }
    let json = cli.ok(&["report", "churn", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    let won_back = json["won_back"].as_array().unwrap();
    assert_eq!(sheet_rows(&book, "Won back").len(), won_back.len() + 1);
}

#[test]
fn a_report_file_is_whole_or_absent_and_a_table_is_not_written_to_one() {
    let cli = Cli::with_customers();
    cli.ok(&["import", "orders", path(&cli.file("o.csv", common::ORDERS))]);
    // CSV and JSON to a file are what standard output gets.
    for format in ["csv", "json"] {
        let file = cli.dir.path().join(format!("pareto.{format}"));
        cli.ok(&["report", "pareto", "--format", format, "--out", path(&file)]);
        let screen = cli.ok(&["report", "pareto", "--format", format]);
        assert_eq!(std::fs::read_to_string(&file).unwrap(), screen, "{format}");
    }
    let rfm = cli.dir.path().join("rfm.csv");
    cli.ok(&["rfm", "--format", "csv", "--out", path(&rfm)]);
    assert_eq!(
        std::fs::read_to_string(&rfm).unwrap(),
        cli.ok(&["rfm", "--format", "csv"])
    );
    // A folder that is not there: refused naming the file, nothing left behind.
    let nowhere = cli.dir.path().join("missing").join("r.xlsx");
    let err = cli.fails(&[
        "report",
        "values",
        "--format",
        "xlsx",
        "--out",
        path(&nowhere),
    ]);
    assert!(err.contains("r.xlsx"), "{err}");
    assert!(!nowhere.parent().unwrap().exists());
    // A table is for the screen.
    let table = cli.dir.path().join("t.txt");
    let out = cli.run(&["report", "values", "--out", path(&table)]);
    assert_eq!(out.status.code(), Some(3), "{out:?}");
    assert!(String::from_utf8_lossy(&out.stderr).contains("--format csv, json or xlsx"));
    assert!(!table.exists());
    // Leftover temporary files: none.
    let hidden: Vec<_> = std::fs::read_dir(cli.dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().starts_with(".loyal-"))
        .collect();
    assert!(hidden.is_empty(), "{hidden:?}");
}

#[test]
fn the_rfm_table_goes_to_excel_a_customer_a_row() {
    use calamine::Data;
    let cli = Cli::with_customers();
    cli.ok(&["import", "orders", path(&cli.file("o.csv", common::ORDERS))]);
    let book = cli.dir.path().join("rfm.xlsx");
    cli.ok(&["rfm", "--format", "xlsx", "--out", path(&book)]);
    let rows = sheet_rows(&book, "RFM");
    let csv = cli.ok(&["rfm", "--format", "csv"]);
    let ids: Vec<&str> = csv
        .lines()
        .skip(1)
        .map(|l| l.split(',').next().unwrap())
        .collect();
    let sheet_ids: Vec<String> = rows[1..].iter().map(|r| r[0].to_string()).collect();
    let mut a: Vec<&str> = sheet_ids.iter().map(String::as_str).collect();
    let mut b = ids.clone();
    a.sort_unstable();
    b.sort_unstable();
    assert_eq!(a, b);
    assert!(rows[1..].iter().all(|r| matches!(r[4], Data::Float(_))));
}
