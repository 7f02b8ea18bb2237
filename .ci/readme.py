#!/usr/bin/env python3
"""Write README.md from nbs/index.ipynb as GitHub markdown; with --check, compare instead and exit 1 on a difference.

What `nbdev_readme` does with Quarto, with the standard library only:
- markdown cells as they are, with links to chapter notebooks (`03_item_cf.ipynb#anchor`) pointing to the docs site
  (`https://netflix-cf.github.io/netflix_cf/item_cf.html#anchor`: the name lower-cased, its numeric prefix dropped, as nbdev
  names the pages) and links to other files in nbs/ made relative to the repository root;
- code cells as ```python blocks without their `#|` directive lines; `#| hide` (or `include: false`) cells are left out with
  their outputs, `#| echo: false` cells show only their outputs, `#| output: false` cells only their code;
- kept outputs: streams and text/plain as text blocks, text/markdown as it is, PNG and JPEG images written to
  `index_files/figure-commonmark/` (named by cell id) and linked; error outputs are left out.

Usage: python .ci/readme.py [--check]
"""
import argparse, base64, configparser, difflib, json, re, sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NBS, README = ROOT/'nbs', ROOT/'README.md'
IMG_DIR = Path('index_files')/'figure-commonmark'  # relative to ROOT, where nbdev_readme puts the README's images


def site_url() -> str:
    "The docs site's base URL, from settings.ini's doc_host and doc_baseurl."
    cfg = configparser.ConfigParser(); cfg.read(ROOT/'settings.ini')
    d = cfg['DEFAULT']
    return d['doc_host'].rstrip('/') + '/' + d['doc_baseurl'].strip('/') + '/'


def page_name(nb_name: str) -> str:
    "The docs page of a notebook, as nbdev names it: `05a_service.ipynb` -> `service.html`."
    return re.sub(r'^\d+[a-zA-Z0-9]*_', '', Path(nb_name).stem.lower()) + '.html'


def fix_links(md: str, base: str) -> str:
    "Point links to chapter notebooks at the docs site, and links to other files in nbs/ at their place in the repository."
    def sub(m):
        text, target = m.group(1), m.group(2)
        path, hash_, anchor = target.partition('#')
        if re.match(r'^[a-z][a-z0-9+.-]*:|^#|^/', target) or not path: return m.group(0)  # URL, anchor or absolute path
        if path.endswith('.ipynb'): return f'{text}({base}{page_name(path)}{hash_}{anchor})'
        if (NBS/path).exists(): return f'{text}(nbs/{target})'
        return m.group(0)
    return re.sub(r'(!?\[[^\]]*\])\(([^)\s]+)\)', sub, md)


def directives(src: str) -> tuple[dict, str]:
    "The `#|` directives at the top of a code cell (name -> value) and the source without them."
    lines, found = src.splitlines(), {}
    while lines and lines[0].startswith('#|'):
        key, _, value = lines.pop(0)[2:].strip().partition(':')
        found[key.strip()] = value.strip().strip('"\'')
    return found, '\n'.join(lines).strip('\n')


def text_block(text: str) -> str:
    "A fenced block of plain text, with a fence longer than any run of backticks inside."
    fence = '`' * max(3, 1 + max((len(r) for r in re.findall(r'`+', text)), default=0))
    return f'{fence}\n{text.rstrip()}\n{fence}'


def render_outputs(cell: dict, alt: str, images: dict) -> list[str]:
    "Markdown for the kept outputs of one code cell; images go into `images` (path -> bytes)."
    parts, n_img = [], 0
    for out in cell.get('outputs', []):
        kind = out['output_type']
        if kind == 'stream': parts.append(text_block(''.join(out['text'])))
        elif kind in ('execute_result', 'display_data'):
            data = out.get('data', {})
            img = next((m for m in ('image/png', 'image/jpeg') if m in data), None)
            if 'text/markdown' in data: parts.append(''.join(data['text/markdown']).strip())
            elif img:
                n_img += 1
                path = IMG_DIR/f"{cell['id']}-{n_img}.{img.split('/')[1].replace('jpeg', 'jpg')}"
                images[path] = base64.b64decode(''.join(data[img]))
                parts.append(f'![{alt}]({path.as_posix()})')
            elif 'text/plain' in data: parts.append(text_block(''.join(data['text/plain'])))
            elif 'text/html' in data: parts.append(''.join(data['text/html']).strip())
    return parts


def render(nb_path: Path = NBS/'index.ipynb') -> tuple[str, dict]:
    "README.md's text and its images (path relative to the repository -> bytes), from the notebook."
    base, blocks, images = site_url(), [], {}
    for cell in json.loads(nb_path.read_text(encoding='utf-8'))['cells']:
        src = ''.join(cell['source'])
        if cell['cell_type'] == 'markdown': blocks.append(fix_links(src.strip('\n'), base)); continue
        if cell['cell_type'] != 'code': continue
        d, code = directives(src)
        if 'hide' in d or d.get('include') == 'false': continue
        if d.get('echo') != 'false' and code: blocks.append(f'```python\n{code}\n```')
        if d.get('output') != 'false': blocks += render_outputs(cell, d.get('fig-alt') or d.get('fig-cap') or '', images)
    return re.sub(r'\n{3,}', '\n\n', '\n\n'.join(b for b in blocks if b)).strip() + '\n', images


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('--check', action='store_true', help='compare README.md (and its images) with the notebook; exit 1 on a difference')
    args = p.parse_args()
    text, images = render()
    old_imgs = {f.relative_to(ROOT) for f in (ROOT/IMG_DIR).glob('*')} if (ROOT/IMG_DIR).exists() else set()
    if args.check:
        old = README.read_text(encoding='utf-8') if README.exists() else ''
        problems = [f'{p}: missing or different' for p, b in images.items() if not (ROOT/p).exists() or (ROOT/p).read_bytes() != b]
        problems += [f'{p}: not in the notebook any more' for p in sorted(old_imgs - set(images))]
        if old == text and not problems: print('README.md matches nbs/index.ipynb'); return
        sys.stdout.writelines(difflib.unified_diff(old.splitlines(True), text.splitlines(True), 'README.md', 'from nbs/index.ipynb'))
        for line in problems: print(line)
        print('README.md is out of date with nbs/index.ipynb: run `python .ci/readme.py`')
        sys.exit(1)
    README.write_text(text, encoding='utf-8')
    for p in old_imgs - set(images): (ROOT/p).unlink()
    for p, b in images.items():
        (ROOT/p).parent.mkdir(parents=True, exist_ok=True); (ROOT/p).write_bytes(b)
    print(f'wrote README.md ({len(text.splitlines())} lines) and {len(images)} image(s) from nbs/index.ipynb')


if __name__ == '__main__': main()
