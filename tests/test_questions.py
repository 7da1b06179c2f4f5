"""Questions: validated in content/, tied to claims, tracked step by step, exported as documented."""
import datetime as dt
from dataclasses import replace
import json
import re
from pathlib import Path

import pytest

from newsgen.config import load_config, parse_site
from newsgen.export import export_questions
from newsgen.model import Claim, Person, Question, Report, Speaker, Timeline
from newsgen.questions import body_of, ties, track, with_stances
from newsgen.yamlfile import parse

ROOT = Path(__file__).resolve().parents[1]
D = dt.date

PEOPLE = (
    Person("spy-agency", "National Spy Agency", aliases=("NSA-K",), org="South Korea", kind="organization"),
    Person("white-house", "White House", org="United States", kind="organization"),
    Person("united-states", "United States", kind="organization"),
    Person("kirby", "John Kirby", org="White House"),
    Person("miller", "Matthew Miller", org="State Department"),
    Person("state-department", "State Department", org="United States", kind="organization"),
    Person("nato", "NATO", kind="organization"),
    Person("kim-jong-un", "Kim Jong Un", org="North Korea"),
    Person("putin", "Vladimir Putin", org="Russia"),
    Person("peskov", "Dmitry Peskov", org="Russia"),
)
DEPLOYED = Question("deployed", "Has North Korea sent troops to Russia?", topics=("deployment",),
                    cues=("North Korea troop", "North Korea soldier", "Pyongyang troop"), parties=("north-korea", "russia"))


def speaker(pid: str, known: bool = True, name: str | None = None, org: str | None = None) -> Speaker:
    p = next((p for p in PEOPLE if p.id == pid), None)
    return Speaker(pid, name or (p.name if p else pid), org=org if org is not None else (p.org if p else None), known=known,
                   kind=p.kind if p else "person")


def claim(cid, who, day, text, hedged=False, stories=("s1",), topics=("deployment",)):
    return Claim(cid, who, day, "stated" if day else None, text, hedged=hedged, topics=topics,
                 reports=tuple(Report(s, text, 0) for s in stories), independent_reports=len(stories))


def story_of_a_deployment() -> list[Claim]:
    return [
        claim("c1", speaker("spy-agency"), D(2024, 10, 18), "The agency said North Korea had sent 1,500 troops to Russia."),
        claim("c2", speaker("kirby"), D(2024, 10, 21), "If it's true that North Korean soldiers are in Russia, it would be dangerous.", hedged=True),
        claim("c3", speaker("peskov"), D(2024, 10, 22), "Peskov called reports of North Korean troops in Russia fake news."),
        claim("c4", speaker("miller"), D(2024, 10, 23), "Miller said North Korean troops are in eastern Russia."),
        claim("c5", speaker("kirby"), D(2024, 10, 24), "Kirby said North Korean troops were training in Russia."),  # same body again
        claim("c6", speaker("nato"), D(2024, 10, 28), "NATO confirmed that North Korean troops have been sent to Russia."),
        claim("c7", speaker("unknown-official", known=False), D(2024, 10, 29), "An official said North Korean troops moved to Kursk."),
        claim("c8", speaker("kcna", known=False, name="North Korea's state news agency KCNA"), D(2025, 4, 28),
              "KCNA confirmed that North Korean troops took part in the operation in Kursk."),
        claim("c9", speaker("putin"), D(2025, 4, 28), "Putin thanked the North Korean troops who fought in Kursk."),
        claim("c0", speaker("putin"), None, "Putin said North Korean troops were welcome."),  # undated: no step
    ]


def tracked(claims, q=DEPLOYED):
    return track(q, with_stances(claims, [q]), PEOPLE)


def test_status_firms_up_step_by_step_from_independent_bodies():
    t = tracked(story_of_a_deployment())
    got = [(s.date.isoformat(), s.status, s.claim, s.body) for s in t.steps]
    assert got == [
        ("2024-10-18", "alleged", "c1", "south-korea"),
        ("2024-10-22", "denied", "c3", "russia"),
        # Miller asserts it on his government's own information (Kirby's hedged,
        # conditional 21 Oct words are no step): confirmed, not merely corroborated.
        ("2024-10-23", "confirmed", "c4", "united-states"),
        ("2024-10-28", "confirmed", "c6", "nato"),
        ("2025-04-28", "acknowledged", "c8", "north-korea"),
        ("2025-04-28", "acknowledged", "c9", "russia"),
    ]
    assert t.status == "acknowledged" and t.claim in ("c8", "c9")
    assert [s.date for s in t.steps] == sorted(s.date for s in t.steps)
    assert t.steps[0].note == "first reported"
    assert t.steps[1].stance == "denies"


def test_copies_of_one_body_never_corroborate_each_other():
    claims = [
        claim("a", speaker("kirby"), D(2024, 10, 21), "Kirby said North Korean troops are in Russia.", stories=("w1", "w2")),
        claim("b", speaker("miller"), D(2024, 10, 22), "Miller said North Korean troops are in Russia."),
        claim("c", speaker("white-house"), D(2024, 10, 23), "The White House said North Korean troops are in Russia."),
    ]
    t = tracked(claims)
    assert [s.status for s in t.steps] == ["alleged"] and t.status == "alleged"


def test_alleged_and_denied_is_disputed_and_a_refusal_is_a_step():
    claims = [
        claim("a", speaker("spy-agency"), D(2024, 10, 18), "The agency said North Korean troops are in Russia."),
        claim("b", speaker("nato"), D(2024, 10, 19), "NATO said it cannot confirm that North Korean troops are in Russia."),
        claim("c", speaker("kim-jong-un"), D(2024, 10, 20), "Pyongyang troops in Russia? Kim called the story groundless."),
    ]
    t = tracked(claims)
    assert [(s.status, s.stance) for s in t.steps] == [("alleged", "affirms"), ("declined", "declines"), ("denied", "denies")]
    assert t.status == "disputed" and t.claim == "c"


def test_a_hedged_admission_by_a_party_is_not_acknowledgement():
    claims = [
        claim("a", speaker("spy-agency"), D(2024, 10, 18), "The agency said North Korean troops are in Russia."),
        claim("b", speaker("peskov"), D(2024, 10, 19), "Peskov said North Korean soldiers may be training in Russia.", hedged=True),
    ]
    assert tracked(claims).status == "alleged"


def test_ties_need_the_topic_and_a_cue_within_one_clause():
    q = Question("losses", "Losses?", topics=("casualties",), cues=("North Korea losses", "North Korea killed"))
    yes = claim("a", None, None, "Ukraine said North Korean troops suffered heavy losses in Kursk.", topics=("casualties",))
    other_clause = claim("b", None, None, "Russia is turning to North Korea for help as its army suffers heavy losses.", topics=("casualties",))
    wrong_topic = claim("c", None, None, "North Korean losses in trade were heavy.", topics=("economy",))
    assert ties(q, yes) == "North Korea losses"
    assert ties(q, other_clause) is None
    assert ties(q, wrong_topic) is None
    out = with_stances([yes, other_clause], [q])
    assert out[0].stance == "affirms" and out[0].questions == ("losses",) and out[0].stance_words == ("North Korea losses",)
    assert out[1].stance is None and out[1].questions == ()


def test_body_of_follows_the_org_chain_and_places_unknown_speakers_only_by_a_known_owner():
    assert body_of(speaker("kirby"), PEOPLE) == "united-states"
    assert body_of(speaker("miller"), PEOPLE) == "united-states"
    assert body_of(speaker("spy-agency"), PEOPLE) == "south-korea"
    assert body_of(Speaker("x", "North Korea's state news agency KCNA", known=False), PEOPLE) == "north-korea"
    assert body_of(Speaker("y", "Some officials", known=False), PEOPLE) is None
    assert body_of(Speaker("z", "Gerasimov", org="Russia", known=False), PEOPLE) == "russia"


# --- content/ ----------------------------------------------------------------------


def site_doc(questions: str):
    d, problems = parse("story:\n  topics:\n    - id: deployment\n      label: D\n      keywords: [troops]\n"
                        "  questions:\n" + questions, "site.yaml")
    assert not problems
    return d


def test_questions_are_validated_with_lines():
    _, story, problems = parse_site(site_doc(
        "    - id: ok\n      question: Sent?\n      topics: [deployment]\n      cues: [North Korea troop]\n"
        "    - id: no-text\n      topics: [deployment]\n"
        "    - id: bad-topic\n      question: X?\n      topics: [weather]\n"
        "    - id: nothing\n      question: Y?\n"
        "    - id: ok\n      question: Again?\n      cues: [troop]\n      colour: red\n"
    ))
    assert [q.id for q in story.questions] == ["ok"]
    msgs = {(p.line, p.severity): p.message for p in problems}
    assert any("missing required field 'question'" in m for m in msgs.values())
    assert any(line == 15 and "topic 'weather'" in m for (line, _), m in msgs.items())
    assert any("give 'topics' or 'cues'" in m for m in msgs.values())
    assert any("used twice" in m for m in msgs.values())
    assert any(sev == "warning" and "unknown field 'colour'" in m for (_, sev), m in msgs.items())
    assert all(p.file == "site.yaml" and p.line for p in problems)


def test_repository_questions_load_and_unknown_parties_warn(tmp_path):
    config, problems = load_config(ROOT / "content")
    assert len(config.story.questions) >= 3 and not problems
    topics = {t.id for t in config.story.topics}
    assert all(set(q.topics) <= topics and q.cues and q.parties for q in config.story.questions)
    (tmp_path / "site.yaml").write_text(
        "story:\n  topics:\n    - id: t\n      label: T\n      keywords: [x]\n  questions:\n"
        "    - question: Q?\n      topics: [t]\n      parties: [atlantis]\n", encoding="utf-8")
    _, problems = load_config(tmp_path)
    (w,) = [p for p in problems if "atlantis" in p.message]
    assert w.severity == "warning" and w.line == 9 and w.file.endswith("site.yaml")


# --- the seeds ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def seeds_timeline():
    from newsgen.build import collect, make_timeline

    config, results, _ = collect(ROOT / "seeds", ROOT / "content")
    return make_timeline(config, results)


def test_seeds_three_questions_each_with_two_dated_steps_matching_their_claims(seeds_timeline):
    t = seeds_timeline
    claims = {c.id: c for c in t.claims}
    assert len(t.questions) >= 3
    for q in t.questions:
        assert len(q.steps) >= 2, q.question.id
        assert [s.date for s in q.steps] == sorted(s.date for s in q.steps)
        assert q.status in ("alleged", "corroborated", "confirmed", "acknowledged", "disputed")
        for s in q.steps:
            c = claims[s.claim]
            assert c.speaker and c.speaker.id == s.speaker and c.said_on == s.date and c.stance == s.stance
            assert q.question.id in c.questions and c.hedged == s.hedged
        assert q.claim in {s.claim for s in q.steps}


# --- data/questions.json against the README's documented form ----------------------


def documented_fields() -> dict[str, set[str]]:
    """The field names the README lists for a question and for a step."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme[readme.index("questions.json  {"):]
    block = block[: block.index("```")]
    start = block.index('"steps"')
    end = block.index("}, …]", start)
    names = lambda text: set(re.findall(r'"(\w+)":', text))  # noqa: E731
    return {"question": names(block[:start] + '"steps":' + block[end:]) - {"questions"},
            "step": names(block[start + len('"steps"'):end])}


def test_questions_json_has_the_documented_form(seeds_timeline):
    (out,) = export_questions(seeds_timeline)
    assert out.path == "data/questions.json"
    data = json.loads(out.data)
    assert list(data) == ["questions"] and data["questions"]
    fields = documented_fields()
    assert {"id", "question", "status", "steps"} <= fields["question"]
    assert {"date", "status", "claim", "speaker"} <= fields["step"]
    for q in data["questions"]:
        assert set(q) == fields["question"], set(q) ^ fields["question"]
        assert isinstance(q["steps"], list)
        for s in q["steps"]:
            assert set(s) == fields["step"], set(s) ^ fields["step"]
            assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", s["date"])
            assert s["stance"] in ("affirms", "denies", "declines") and isinstance(s["hedged"], bool)


def test_empty_question_list_exports_an_empty_list():
    (out,) = export_questions(Timeline((), ()))
    assert json.loads(out.data) == {"questions": []}


def test_party_cues_count_only_when_a_party_speaks():
    q = Question("deployed", "Sent?", topics=("deployment",), cues=("North Korea troop",),
                 parties=("north-korea",), party_cues=("our soldier", "country's forces"))
    own = claim("a", speaker("kim-jong-un"), D(2025, 4, 28), "Kim said our soldiers fought heroically in Kursk.")
    outsider = claim("b", speaker("nato"), D(2025, 4, 29), "NATO said our soldiers are ready.")
    out = with_stances([own, outsider], [q], PEOPLE)
    assert out[0].questions == ("deployed",) and out[0].stance_words == ("our soldier",)
    assert out[1].questions == ()
    assert track(q, out, PEOPLE).status == "acknowledged"


def test_newsgen_check_reports_a_broken_question_with_file_and_line(tmp_path, capsys):
    from newsgen.cli import main

    content = tmp_path / "content"
    content.mkdir()
    (tmp_path / "seeds").mkdir()
    (content / "site.yaml").write_text(
        "story:\n  topics:\n    - id: t\n      label: T\n      keywords: [x]\n  questions:\n"
        "    - id: q1\n      topics: [t]\n", encoding="utf-8")
    rc = main(["check", "--seeds", str(tmp_path / "seeds"), "--content", str(content)])
    out = capsys.readouterr().out
    assert rc == 1
    assert re.search(r"site\.yaml:7: error: question #1: missing required field 'question'", out), out


def test_a_denial_bears_on_the_question_it_reaches_not_on_what_it_presupposes():
    deployed = Question("deployed", "Sent?", topics=("deployment",), cues=("North Korea troop",))
    combat = Question("combat", "Fighting?", topics=("deployment",), cues=("North Korea fight", "North Korea combat"))
    denial = claim("a", speaker("kirby"), D(2024, 11, 1), "Kirby said there was no evidence yet that North Korean troops were fighting.")
    affirm = claim("b", speaker("kirby"), D(2024, 11, 1), "Kirby said North Korean troops were fighting in Kursk.")
    out = with_stances([denial, affirm], [deployed, combat], PEOPLE)
    assert out[0].stance == "denies" and out[0].questions == ("combat",)
    assert out[1].stance == "affirms" and out[1].questions == ("deployed", "combat")


def test_forecasts_and_conditions_are_no_step_and_relayed_word_only_corroborates():
    q = DEPLOYED
    claims = [
        replace(claim("f1", speaker("spy-agency"), D(2024, 10, 10), "North Korean troops could be sent to Russia as early as next week.",
                      hedged=True), hedges=("could", "as early as")),
        claim("f2", speaker("kim-jong-un"), D(2024, 10, 11), "Sending North Korean troops to Russia, if it had done so, would be lawful."),
        claim("f3", speaker("spy-agency"), D(2024, 10, 18), "The agency said North Korea had sent troops to Russia."),
    ]
    relayed = claim("f4", speaker("miller"), D(2024, 10, 20), "Miller said North Korean troops were in Russia, citing Seoul.")
    claims.append(replace(relayed, reports=tuple(replace(r, source="south-korea") for r in relayed.reports)))
    t = tracked(claims, q)
    got = [(s.date.isoformat(), s.status, s.claim) for s in t.steps]
    assert got == [("2024-10-18", "alleged", "f3"), ("2024-10-20", "corroborated", "f4")]
    assert t.status == "corroborated"
    assert all(s.date == next(c for c in claims if c.id == s.claim).said_on for s in t.steps)
