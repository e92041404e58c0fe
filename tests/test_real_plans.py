"""Real action plans, action logs and minutes from public repositories
(../shared/fixtures/real/), held to what a reader sees in each rendered document: the
actions, their owners, tasks, due words and statuses, and a one-line refusal where the
file holds no plan. The expectations come from the pages as LibreOffice renders them.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from board_tui.domain.statuses import Status
from board_tui.readers.plan import PlanRead, PlanReadError, read_action_plan
from board_tui.storage.store import Store

REAL = Path(__file__).resolve().parents[2] / "shared" / "fixtures" / "real"


def real(name: str) -> Path:
    path = REAL / name
    if not path.exists():
        pytest.skip(f"real fixtures not found beside the checkout: {REAL}")
    return path


def read(name: str) -> PlanRead:
    return read_action_plan(real(name))


def refusal(name: str) -> str:
    with pytest.raises(PlanReadError) as caught:
        read_action_plan(real(name))
    message = str(caught.value)
    assert message.startswith(f"{name}: ") and "\n" not in message
    return message


def test_env_vietnamese_action_table_without_a_number_column() -> None:
    plan = read("env-action-plan.docx")
    assert plan.layout == "table"
    rows = [
        (i.ref, i.recommendation, s.description, s.time_frame, s.status_line, s.status)
        for i in plan.items
        for s in i.next_steps
    ]
    assert rows == [
        ("1", "Giảm rác thải nhựa", "Mang bình nước cá nhân, từ chối ống hút nhựa",
         "Tuần 1–4", "Đang làm", Status.ON_TRACK),
        ("2", "Trồng cây xanh", "Mua cây cảnh nhỏ, chăm sóc, chia sẻ cách trồng lên mạng",
         "Tuần 5–8", "Chưa bắt đầu", Status.NEXT_STEP),
        ("3", "Tuyên truyền môi trường", "Tạo bài đăng tuyên truyền, thiết kế infographic",
         "Tuần 9–12", "Chưa bắt đầu", Status.NEXT_STEP),
    ]  # fmt: skip
    # The marking scheme table beside it ("Hạng mục | Mô tả | Điểm tối đa") is no plan.
    assert len(plan.items) == 3


def test_tmu_numbered_actions_with_their_tasks() -> None:
    plan = read("tmu-action-plan.docx")
    assert plan.title == "BẢN KẾ HOẠCH HÀNH ĐỘNG"
    assert [(i.ref, i.recommendation) for i in plan.items] == [
        ("1", "Cải thiện kỹ năng chuyên môn"),
        ("2", "Phát triển kỹ năng mềm và học tập chủ động"),
        ("3", "Ứng dụng AI và quản lý kế hoạch bằng công cụ số"),
    ]
    assert [len(i.next_steps) for i in plan.items] == [3, 3, 3]
    first = plan.items[0].next_steps
    # "Nhiệm vụ chi tiết 1:" is the task's label; "(Tuần 1–5)" its time frame.
    assert [(s.description, s.time_frame) for s in first] == [
        ("Hoàn thành khóa học “Python for Beginners” trên Coursera.", "Tuần 1–5"),
        ("Luyện tập giải bài tập Python trên LeetCode.", "Tuần 3–10"),
        ("Tự làm mini project “Quản lý danh bạ”.", "Tuần 8–12"),
    ]
    # The SMART goals and the skills lists are not actions.
    assert not any("Pyramid" in s.description for i in plan.items for s in i.next_steps)


def test_sq_outline_plan_with_done_markers() -> None:
    plan = read("sq-action-plan.docx")
    assert plan.title == "Action Plan"
    assert [i.recommendation for i in plan.items] == [
        "Landing Page",
        "Listings",
        "Product Pages (Query for separate page for each individual listing)",
        "My Listings",
        "ER Model",
        "Discussion of normalization",
    ]
    tasks = [(s.description, s.status_line) for i in plan.items for s in i.next_steps]
    assert len(tasks) == 18  # an item with no tasks under it is its own one step
    assert tasks[:4] == [
        ("Login", "DONE"),
        ("Sign Up", "DONE"),
        ("Modify Database with user input information", None),
        ("Dashboard", "DONE"),
    ]
    assert sum(1 for _, marker in tasks if marker == "DONE") == 10
    buy = next(s for i in plan.items for s in i.next_steps if s.description.startswith("Buy"))
    assert (buy.status_line, buy.status) == ("HI PRIO", None)
    assert plan.items[4].status is Status.COMPLETE  # "ER ModelDONE"


def test_governance_minutes_status_items_and_actions_in_sentences() -> None:
    plan = read("governance-minutes.docx")
    assert plan.title == "Governance Committee Meeting, 10 June 2026"
    found = [(i.recommendation, i.lead, i.next_steps[0].time_frame, i.status) for i in plan.items]
    assert found == [
        ("ISO 27001 policy review completed", None, None, Status.COMPLETE),
        ("User access review only 70% complete", None, None, Status.ON_TRACK),
        ("Security awareness training postponed until July", None, None, Status.AT_RISK),
        ("Backup testing successful", None, None, Status.COMPLETE),
        ("Security Officer must reschedule awareness training", "Security Officer", None, None),
        ("IT Manager must finish access review by 20 June", "IT Manager", "20 June", None),
    ]  # fmt: skip
    # The discussion points are not actions.
    assert not any(i.recommendation == "ISO 27001 policy review progress" for i in plan.items)


def test_bonli_action_tables_in_minutes_joined_with_their_agenda_items() -> None:
    plan = read("bonli-minutes.docx")
    assert plan.layout == "tables"
    assert plan.title == "Team Meeting, 8 April 2022"
    assert [
        (i.ref, i.recommendation, i.lead, i.next_steps[0].time_frame, i.section)
        for i in plan.items
    ] == [
        ("1", "Research NC demography", "All team members", "April 8, 2022",
         "See if all the points discussed were followed"),
        ("2", "Discover usability problems within the app", "All team members", "April 8, 2022",
         "See if all the points discussed were followed"),
        ("3", "Discover usability problems within the web", "All team members", "April 8, 2022",
         "See if all the points discussed were followed"),
        ("4", "Make accounts for the apps", "Sean O’Connor", "April 15, 2022", "Assign roles"),
        ("5", "Present websites", "Cristina Hilario", "April 15, 2022", "Assign roles"),
        ("6", "Decide on websites to use", "Rudolph Paulin", "April 15, 2022", "Assign roles"),
    ]  # fmt: skip
    assert plan.introduction is None  # the minutes' discussion is no introduction


def test_rocu_weekly_minutes_with_a_plan_for_next_week() -> None:
    plan = read("rocu-minutes.docx")
    assert [(i.recommendation, i.section) for i in plan.items] == [
        ("Confirm our project", "22/01/26 - Week 1"),
        ("Discuss the project", "22/01/26 - Week 1"),
        ("Prepare for client meeting", "29/01/26 - Week 2"),
        ("Discuss client interview information", "05/02/26 - Week 3"),
        ("Begin planning for the project", "05/02/26 - Week 3"),
        ("Begin working on the project", "12/02/26 - Week 4"),
        ("Continue working on filtering", "26/02/26 - Week 6"),
        ("Continue working on heatmaps", "26/02/26 - Week 6"),
        ("Prepare for first submission (Part A)", "05/03/26 - Week 7"),
        ("Finish off documentation", "05/03/26 - Week 7"),
    ]


def test_an_essay_titled_action_plan_is_refused() -> None:
    assert "no action plan found (looked for a table" in refusal("racism-action-plan.docx")


def test_a_minutes_template_is_refused_as_a_template() -> None:
    message = refusal("gopsill-minutes.docx")
    assert "a template, not a plan" in message and "{title}" in message


def test_minutes_without_actions_are_refused_saying_what_was_looked_for() -> None:
    message = refusal("bradford-minutes.docx")
    assert 'a list of actions under a label such as "Action items:"' in message


def test_agendas_are_not_plans() -> None:
    for name in ("sj-48.docx", "wcnpo.docx", "qhda-ieee.docx"):
        assert "no action plan found" in refusal(name)


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "board_tui", "import", "actions", *args],
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )


def test_minutes_actions_into_an_empty_database_make_the_board(tmp_path: Path) -> None:
    db = tmp_path / "board.sqlite3"
    done = _run(str(real("bonli-minutes.docx")), "--board", "A New Board", "--db", str(db))
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[:2] == [
        "New board: A New Board",
        "Imported 'Team Meeting, 8 April 2022' for A New Board (plan 1): 6 items, 6 next steps,"
        " 2 sections",
    ]
    with Store.open(db) as store:
        (plan,) = store.plans()
        steps = [s for i in store.plan_items(plan.id) for s in store.next_steps(i.id)]
        assert [s.time_frame for s in steps][-1] == "April 15, 2022"
        assert store.plan_items(plan.id)[3].lead == "Sean O’Connor"
