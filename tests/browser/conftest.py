"""What browser tests measure, said in the run's summary (CI's output), not only with `-s`."""


def pytest_terminal_summary(terminalreporter) -> None:
    for outcome in ("passed", "failed"):
        for report in terminalreporter.stats.get(outcome, []):
            for name, value in getattr(report, "user_properties", []):
                if name == "page_loads" and report.when == "call":
                    test = report.nodeid.rpartition("::")[2]
                    terminalreporter.write_line(f"{test}: {value} page loads ({outcome})")
