"""The readers and the extractor are imported when first used, not when the build
module is: a build with nothing to read (nothing changed) must not pay for them."""
import subprocess
import sys


def _modules_after(code: str) -> set[str]:
    out = subprocess.run([sys.executable, "-c", code + "\nimport sys\nprint('\\n'.join(sys.modules))"],
                         capture_output=True, text=True, check=True).stdout
    return set(out.split())


def test_importing_the_build_does_not_import_readers_or_extractor():
    mods = _modules_after("import newsgen.build")
    assert "newsgen.build" in mods
    assert not mods & {"newsgen.config", "newsgen.load.html", "newsgen.load.markdown", "newsgen.load.text",
                       "newsgen.extract.claims", "trafilatura", "htmldate"}


def test_public_names_still_import_from_the_packages():
    from newsgen.extract import extract_claims
    from newsgen.load import READERS, load_story, read_html, read_markdown, read_text

    assert READERS[".md"] is read_markdown and READERS[".html"] is read_html and READERS[".txt"] is read_text
    assert callable(load_story) and callable(extract_claims)
