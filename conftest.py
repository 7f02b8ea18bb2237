"""Run each chapter notebook in `nbs/` as one pytest item, the way `nbdev_test` runs it.

`pytest` then gives one pass/fail line per notebook and the usual summary. Cells flagged with a
test flag from settings.ini (`#| slow`) are skipped, as `nbdev_test` does, except the `#| spark` cells where
PySpark and Java are installed (skipped with a warning elsewhere); cells flagged
`#| movielens` need the real ml-latest-small data and are skipped, with a warning, when no local
copy is found (`NETFLIX_CF_DATA`, or the download cache filled by `load_movielens()`).
"""
import warnings
from pathlib import Path

import pytest


def pytest_configure(config):
    # PySpark (4.0 up to 4.3, the newest) converts Arrow data to pandas with `astype(..., copy=False)`; pandas 3 deprecates
    # the `copy` keyword (copy-on-write makes it a no-op), so `toPandas()` raises DeprecationWarnings from PySpark's own
    # module: about 180 in the Spark chapter. Python hides them outside test runners; here only that warning, and only
    # from PySpark's modules, is ignored: the same warning from this package's own code still shows.
    config.addinivalue_line('filterwarnings', r'ignore:The copy keyword is deprecated:DeprecationWarning:pyspark\.')


def pytest_collect_file(parent, file_path: Path):
    if file_path.suffix == '.ipynb' and file_path.parent.name == 'nbs' and not file_path.name.startswith(('_', '.')):
        return NotebookFile.from_parent(parent, path=file_path)


def _have_spark() -> bool:
    "PySpark importable and a Java runtime on the path."
    import importlib.util, shutil, os
    return importlib.util.find_spec('pyspark') is not None and (shutil.which('java') is not None or 'JAVA_HOME' in os.environ)


class NotebookFile(pytest.File):
    def collect(self):
        yield NotebookItem.from_parent(self, name=self.path.stem)


class NotebookFailed(Exception):
    pass


class NotebookItem(pytest.Item):
    def runtest(self):
        from nbdev.config import get_config
        from nbdev.test import test_nb
        from netflix_cf.loading import find_movielens

        cfg = get_config()
        skip = cfg.tst_flags.split()
        if 'spark' in skip and _have_spark(): skip.remove('spark')  # the Spark chapter's cells run where Spark can
        elif 'spark' in skip and self.path.stem.endswith('_spark'):
            warnings.warn(f'{self.path.name}: PySpark or a Java runtime is missing, cells that need Spark were skipped; '
                          'pip install -e ".[spark]" and a Java runtime (17 or later) to run them')
        if find_movielens('ml-latest-small') is None:
            skip.append('movielens')
            warnings.warn(f'{self.path.name}: ml-latest-small not found locally, cells that need it were skipped; '
                          'set NETFLIX_CF_DATA or run `load_movielens()` once to download it')
        ok, _ = test_nb(self.path, skip_flags=skip, basepath=cfg.config_path)
        if not ok:
            raise NotebookFailed(f'{self.path.name} failed: the traceback is in the captured stderr below')

    def repr_failure(self, excinfo):
        if isinstance(excinfo.value, NotebookFailed): return str(excinfo.value)
        return super().repr_failure(excinfo)

    def reportinfo(self):
        return self.path, 0, f'notebook {self.path.name}'


# The longest notebooks first: with several workers (pytest-xdist), the short ones then fill in and all finish together.
LONGEST_FIRST = ('09_engine', '05_evaluation_report', '07_app', '06_cli', '02_user_cf', '03_item_cf')


def pytest_collection_modifyitems(items):
    rank = {name: i for i, name in enumerate(LONGEST_FIRST)}
    items.sort(key=lambda item: rank.get(getattr(item, 'name', ''), len(rank)))
