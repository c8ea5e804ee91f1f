"""Arms the tagger joined into one span are split before the claims are assembled (claims/joined.py, issue 10 round
7), so that the design's comparator has an entity to be named by. Spans and sentences are real: Evidence Inference
train abstracts (not in the findings gold), as the shipped tagger marked them."""

from claims_helpers import finding_of, make_record

from claimex.assemble.claims.joined import split_joined_arms


def _split(text: str, span: str, label: str = "INTERVENTION") -> list[str]:
    rec = make_record(text, [(label, span)], measures=False)
    split_joined_arms(rec)
    return [e.text for e in rec.entities]


def test_arms_joined_by_or_versus_vs_are_split():
    # PMC5698974, PMC1968186 (design sentences)
    assert _split("The groups were treated through fixation procedures either Endobutton or Rigidfix.",
                  "Endobutton or Rigidfix") == ["Endobutton", "Rigidfix"]
    assert _split("Patients were randomised to CMF vs epirubicin.", "CMF vs epirubicin") == ["CMF", "epirubicin"]
    # an elliptical first arm keeps its own words ("spinal" of "spinal versus general anesthesia")
    assert _split("Spinal versus general anesthesia for transurethral resection.",
                  "Spinal versus general anesthesia") == ["Spinal", "general anesthesia"]


def test_to_splits_only_after_compare():
    # PMC2920262: "comparing ... singing classes to usual care" (one span), not "listen to music"
    text = ("To test this hypothesis we performed a randomised controlled trial, comparing a six week course of twice "
            "weekly singing classes to usual care, in 28 COPD patients.")
    assert _split(text, "singing classes to usual care") == ["singing classes", "usual care"]
    assert _split("Patients were randomly assigned to listen to music or not.", "listen to music") == [
        "listen to music"]


def test_one_arm_spans_stay_whole():
    # a contrast inside brackets, a trial's name, an arm named with its alternative, and a result sentence
    assert _split("Patients were randomised to renal replacement therapy (intermittent versus continuous).",
                  "renal replacement therapy (intermittent versus continuous)") == [
        "renal replacement therapy (intermittent versus continuous)"]
    assert _split("Febuxostat versus Allopurinol Streamlined Trial was randomised.",
                  "Febuxostat versus Allopurinol Streamlined Trial") == [
        "Febuxostat versus Allopurinol Streamlined Trial"]
    assert _split("Patients were randomised to meal replacements with or without liraglutide.",
                  "meal replacements with or without liraglutide") == [
        "meal replacements with or without liraglutide"]
    assert _split("Heat and moisture exchangers in ventilated patients. "
                  "Secretions were thicker with hydrophobic or hydroscopic HME.",
                  "hydrophobic or hydroscopic HME") == ["hydrophobic or hydroscopic HME"]


def test_split_parts_keep_the_label_and_take_new_ids_in_text_order():
    rec = make_record("Patients were randomised to CMF vs epirubicin. Nausea was more common with CMF.",
                      [("INTERVENTION", "CMF vs epirubicin"), ("OUTCOME", "Nausea"), ("INTERVENTION", "CMF", 1)],
                      measures=False)
    split_joined_arms(rec)
    assert [(e.id, e.label, e.text) for e in rec.entities] == [
        ("E1a", "INTERVENTION", "CMF"), ("E1b", "INTERVENTION", "epirubicin"), ("E2", "OUTCOME", "Nausea"),
        ("E3", "INTERVENTION", "CMF")]


# Evidence Inference PMC5698974 (title, design sentence, a results sentence; tagger spans as shipped)
FIXATION = (
    "Comparative Study after Hamstring Anterior Cruciate Ligament Reconstruction with Endobutton and Rigidfix: A "
    "Clinical Trial Study. "
    "The groups were treated through fixation procedures either Endobutton or Rigidfix. "
    "Moreover, the pain intensity score were 2.9 ± 1.5 and 2.6 ± 1.1 (P = 0.49).")


def test_the_split_design_arm_is_the_comparator_of_a_result():
    rec = make_record(FIXATION, [
        ("INTERVENTION", "Endobutton"), ("INTERVENTION", "fixation procedures"),
        ("INTERVENTION", "Endobutton or Rigidfix"), ("OUTCOME", "pain intensity score")], title=True)
    claim = finding_of(rec, "pain intensity score", arms="rules")
    ents = {e.id: e.text for e in rec.entities}
    assert [ents[i] for i in claim.intervention] == ["Endobutton"]
    assert [ents[i] for i in claim.comparator] == ["Rigidfix"]
    assert claim.direction == "no_difference"
