#!/usr/bin/python3
# check-translations.py: the translation inputs are complete and every translation compiles.
#
# Copyright 2026 The HandoffDesk authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-translations.py SOURCE_ROOT
#
# 1. Every file under src/ and data/ (and the metainfo) that marks a string for translation is
#    listed in po/POTFILES.in, the list is sorted, and every listed file exists: a string in an
#    unlisted file never reaches a translator, and nothing else would notice.
# 2. Every language in po/LINGUAS has a .po file that `msgfmt --check` accepts, with no
#    untranslated and no fuzzy entries, measured against the strings the sources hold now (a
#    template extracted here and merged into a copy), so a new English string fails the check
#    until it is translated: a half-translated screen is worse than an English one.

import os
import re
import subprocess
import sys
import tempfile

# gettext's C markers, with or without GNU style's space before the parenthesis.
C_MARKS = re.compile(r'(?<![A-Za-z0-9_])(?:_|N_|C_|NC_|Q_)\s?\(|(?<![A-Za-z0-9_])g_d?n?p?gettext\s?\(|'
                     r'(?<![A-Za-z0-9_])n?gettext\s?\(')
EXTENSIONS = ('.c', '.h', '.ui', '.xml', '.in')


def marked_files(root):
    found = set()
    for top in ('src', 'data'):
        for dirpath, _dirs, files in os.walk(os.path.join(root, top)):
            for name in files:
                if not name.endswith(EXTENSIONS):
                    continue
                path = os.path.join(dirpath, name)
                with open(path, encoding='utf-8', errors='replace') as f:
                    text = f.read()
                if name.endswith(('.c', '.h')):
                    # Comments may show the markers in prose.
                    text = re.sub(r'/\*.*?\*/', '', text, flags=re.S)
                    text = re.sub(r'//[^\n]*', '', text)
                    if C_MARKS.search(text):
                        found.add(os.path.relpath(path, root))
                elif name.endswith('.ui'):
                    if 'translatable="yes"' in text:
                        found.add(os.path.relpath(path, root))
                elif name.endswith('.gschema.xml'):
                    if re.search(r'<(summary|description)>', text):
                        found.add(os.path.relpath(path, root))
                elif name.endswith('.desktop.in'):
                    found.add(os.path.relpath(path, root))
    metainfo = 'com.example.HandoffDesk.metainfo.xml'
    if os.path.exists(os.path.join(root, metainfo)):
        found.add(metainfo)
    return found


def listed_files(root):
    with open(os.path.join(root, 'po', 'POTFILES.in'), encoding='utf-8') as f:
        return [line.strip() for line in f if line.strip() and not line.startswith('#')]


# The keywords of meson's i18n 'glib' preset (po/meson.build).
XGETTEXT_KEYWORDS = ['--keyword=_', '--keyword=N_', '--keyword=C_:1c,2', '--keyword=NC_:1c,2',
                     '--keyword=g_dcgettext:2', '--keyword=g_dngettext:2,3',
                     '--keyword=g_dpgettext2:2c,3']


def extract_template(root, tmp):
    pot = os.path.join(tmp, 'handoffdesk.pot')
    subprocess.run(['xgettext', '--from-code=UTF-8', '--add-comments', *XGETTEXT_KEYWORDS,
                    '-f', os.path.join(root, 'po', 'POTFILES.in'), '-D', root, '-o', pot],
                   check=True, capture_output=True, text=True)
    return pot


def untranslated(po):
    """msgids of po that are untranslated or fuzzy, as msgattrib lists them."""
    found = []
    for flag in ('--untranslated', '--only-fuzzy'):
        run = subprocess.run(['msgattrib', flag, '--no-obsolete', '--no-wrap', po],
                             check=True, capture_output=True, text=True)
        found += [line[len('msgid "'):-1] for line in run.stdout.splitlines()
                  if line.startswith('msgid "') and line != 'msgid ""']
    return found


def main():
    root = sys.argv[1]
    failures = []

    listed = listed_files(root)
    if listed != sorted(listed):
        failures.append('po/POTFILES.in is not sorted')
    for path in listed:
        if not os.path.exists(os.path.join(root, path)):
            failures.append(f'po/POTFILES.in lists {path}, which does not exist')
    for path in sorted(marked_files(root) - set(listed)):
        failures.append(f'{path} marks strings for translation but is not in po/POTFILES.in')

    with open(os.path.join(root, 'po', 'LINGUAS'), encoding='utf-8') as f:
        languages = [w for line in f if not line.startswith('#') for w in line.split()]
    tmp = tempfile.TemporaryDirectory()
    pot = extract_template(root, tmp.name) if languages else None
    for lang in languages:
        source = os.path.join(root, 'po', f'{lang}.po')
        if not os.path.exists(source):
            failures.append(f'po/LINGUAS names {lang} but po/{lang}.po does not exist')
            continue
        po = os.path.join(tmp.name, f'{lang}.po')
        subprocess.run(['msgmerge', '--quiet', '--no-fuzzy-matching', '-o', po, source, pot],
                       check=True, capture_output=True, text=True)
        run = subprocess.run(['msgfmt', '--check', '--statistics', '-o', os.devnull, po],
                             capture_output=True, text=True, env=dict(os.environ, LC_ALL='C'))
        if run.returncode != 0:
            failures.append(f'msgfmt --check po/{lang}.po failed:\n{run.stderr.strip()}')
            continue
        stats = run.stderr.strip()
        if 'fuzzy' in stats or 'untranslated' in stats:
            missing = untranslated(po)
            shown = '\n  '.join(missing[:20]) + ('\n  …' if len(missing) > 20 else '')
            failures.append(f'po/{lang}.po is incomplete against the sources: {stats}\n  {shown}')
        print(f'# po/{lang}.po: {stats}')

    for failure in failures:
        print(f'FAIL: {failure}')
    print(f'# {len(listed)} files in POTFILES.in, {len(languages)} languages')
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
