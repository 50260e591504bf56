import json
from planner.app.main_window import MainWindow

def test_an_old_file_without_plan_id_saves_without_a_conflict_question(qtbot, settings, tmp_path, monkeypatch):
    """Opening a file from before plan_id gives it an identity; that alone must not make
    Save think another program changed the file."""
    from planner.app import save_guard
    path = tmp_path / "old.json"
    data = json.loads(open("resources/examples/gabapentin-phn-label-start.json").read())
    assert "plan_id" not in data
    path.write_text(json.dumps(data))
    w = MainWindow(settings=settings)
    qtbot.addWidget(w, before_close_func=lambda w: w.setWindowModified(False))
    assert w.open_plan(path)
    asked = []
    monkeypatch.setattr(save_guard, "ask_conflict", lambda *a: asked.append(a) or "cancel")
    w.form.target.setValue(1200)
    assert w.save() and asked == []
    assert "plan_id" in json.loads(path.read_text())
