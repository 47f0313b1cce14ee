#!/usr/bin/python3
# test-salesforce-metadata.py: the org metadata under data/salesforce/ is well-formed Salesforce
# DX source and says what the Salesforce binding of the feed and its admin guide say.
#
# Copyright 2026 The HandoffDesk authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: test-salesforce-metadata.py SOURCE_ROOT
#
# Three descriptions of the same objects must agree, so that none of them drifts: the metadata
# an administrator deploys (data/salesforce/force-app), the tables of the admin guide
# (docs/salesforce-feed.md) they read, and the binding the desk's code is written against
# (BINDING below, from the design both halves of issue #23 follow). Every field named in one is
# checked, with its type and length, in the others; every XML file must parse, be in the
# Metadata API namespace and be named as its fullName says.
#
# Output is TAP, one test per check, so a failure names the field at fault.

import json
import os
import re
import sys
import xml.etree.ElementTree as ET

NS = 'http://soap.sforce.com/2006/04/metadata'
Q = '{%s}' % NS

# The binding (issue #23): object → field → (type, length or reference, extra flags).
BINDING = {
    'HandoffDesk_Event__e': {
        'Kind__c': ('Text', 40),
        'Agent_User_Id__c': ('Text', 18),
        'Handoff_Id__c': ('Text', 64),
        'Handoff_Record_Id__c': ('Text', 18),
        'Expires_At__c': ('DateTime', None),
        'Reason__c': ('Text', 80),
        'Request_Id__c': ('Text', 64),
        'Result__c': ('Text', 40),
        'Message__c': ('Text', 255),
    },
    'HandoffDesk_Request__e': {
        'Kind__c': ('Text', 40),
        'Handoff_Id__c': ('Text', 64),
        'Request_Id__c': ('Text', 64),
        'Body__c': ('LongTextArea', 32768),
    },
    'Handoff__c': {
        'Handoff_Id__c': ('Text', 64),
        'Packet__c': ('LongTextArea', 131072),
        'Status__c': ('Picklist', None),
        'Offer_Expires_At__c': ('DateTime', None),
        'Case__c': ('Lookup', 'Case'),
        'Messaging_Session__c': ('Lookup', 'MessagingSession'),
    },
    'Handoff_Turn__c': {
        'Handoff__c': ('MasterDetail', 'Handoff__c'),
        'Sequence__c': ('Number', (18, 0)),
        'Speaker__c': ('Picklist', None),
        'Spoken_At__c': ('DateTime', None),
        'Text__c': ('LongTextArea', 32768),
        'Request_Id__c': ('Text', 64),
    },
}
STATUS_VALUES = ['Offered', 'Accepted', 'Declined', 'Expired', 'Revoked', 'Wrapped_Up']
# The packet's turn speakers (docs/handoff-packet.md).
SPEAKER_VALUES = ['customer', 'bot', 'agent', 'system']
PICKLIST_VALUES = {('Handoff__c', 'Status__c'): STATUS_VALUES, ('Handoff_Turn__c', 'Speaker__c'): SPEAKER_VALUES}
# A Master-Detail child is shared as its parent is; every other object is Private.
SHARING = {'Handoff_Turn__c': 'ControlledByParent'}
# Fields that are always required (an external id the flow upserts on, a Master-Detail, the
# sequence): the Metadata API refuses field permissions on them.
REQUIRED = {('Handoff__c', 'Handoff_Id__c'), ('Handoff_Turn__c', 'Handoff__c'), ('Handoff_Turn__c', 'Sequence__c')}
# The permission set: object → (create, read, edit, delete).
OBJECT_PERMISSIONS = {
    'Handoff__c': (False, True, False, False),
    'Handoff_Turn__c': (False, True, False, False),
    'HandoffDesk_Event__e': (False, True, False, False),
    'HandoffDesk_Request__e': (True, True, False, False),
    'Case': (False, True, True, False),
    'MessagingSession': (False, True, False, False),
    'MessagingEndUser': (False, True, False, False),
}
USER_PERMISSIONS = {'ApiEnabled', 'CanAccessCE'}


class Tap:
    def __init__(self):
        self.n = 0
        self.failed = 0

    def check(self, ok, name, detail=''):
        self.n += 1
        print('%s %d - %s' % ('ok' if ok else 'not ok', self.n, name))
        if not ok:
            self.failed += 1
            for line in (detail or '').splitlines():
                print('# ' + line)
        return ok


def text(element, tag):
    child = element.find(Q + tag)
    return child.text.strip() if child is not None and child.text is not None else None


def parse(tap, path, root_tag, name):
    try:
        tree = ET.parse(path)
    except (ET.ParseError, OSError) as e:
        tap.check(False, '%s is well-formed XML' % name, str(e))
        return None
    root = tree.getroot()
    tap.check(root.tag == Q + root_tag, '%s is a %s in the Metadata API namespace' % (name, root_tag),
              'root element is %s' % root.tag)
    return root


def guide_tables(path):
    """The admin guide's field tables: object → field → type text, from the section of each
    object (a heading naming the object in backquotes) up to the next heading."""
    tables = {}
    current = None
    with open(path, encoding='utf-8') as f:
        for line in f:
            heading = re.match(r'#+ .*`([A-Za-z_]+__[ce])`', line)
            if heading:
                current = tables.setdefault(heading.group(1), {})
                continue
            if line.startswith('#'):
                current = None
                continue
            row = re.match(r'\| `([A-Za-z_]+__c)` \| ([^|]+) \|', line)
            if current is not None and row:
                current[row.group(1)] = row.group(2).strip()
    return tables


def describe(kind, extra):
    if kind in ('Text', 'LongTextArea'):
        return '%s(%d)' % (kind, extra)
    if kind in ('Lookup', 'MasterDetail'):
        return '%s(%s)' % (kind, extra)
    if kind == 'Number':
        return 'Number(%d, %d)' % extra
    return kind


def check_field(tap, path, obj, name, kind, extra):
    root = parse(tap, path, 'CustomField', '%s.%s' % (obj, name))
    if root is None:
        return
    tap.check(text(root, 'fullName') == name, '%s.%s: fullName matches the file name' % (obj, name),
              'fullName is %r' % text(root, 'fullName'))
    tap.check(text(root, 'type') == kind, '%s.%s is %s' % (obj, name, kind),
              'type is %r' % text(root, 'type'))
    tap.check(bool(text(root, 'label')), '%s.%s has a label' % (obj, name))
    if kind in ('Text', 'LongTextArea'):
        tap.check(text(root, 'length') == str(extra), '%s.%s holds %d characters' % (obj, name, extra),
                  'length is %r' % text(root, 'length'))
    if kind == 'LongTextArea':
        tap.check(text(root, 'visibleLines') is not None, '%s.%s has visibleLines' % (obj, name))
    if kind == 'Lookup':
        tap.check(text(root, 'referenceTo') == extra, '%s.%s looks up %s' % (obj, name, extra),
                  'referenceTo is %r' % text(root, 'referenceTo'))
        tap.check(text(root, 'deleteConstraint') == 'SetNull' and bool(text(root, 'relationshipName')),
                  '%s.%s clears itself when its record is deleted' % (obj, name))
    if kind == 'MasterDetail':
        tap.check(text(root, 'referenceTo') == extra, '%s.%s is a detail of %s' % (obj, name, extra),
                  'referenceTo is %r' % text(root, 'referenceTo'))
        tap.check(bool(text(root, 'relationshipName')), '%s.%s names its relationship' % (obj, name))
    if kind == 'Number':
        tap.check((text(root, 'precision'), text(root, 'scale')) == tuple(str(n) for n in extra),
                  '%s.%s is a Number(%d, %d)' % ((obj, name) + extra),
                  'precision, scale: %r' % ((text(root, 'precision'), text(root, 'scale')),))
        tap.check(text(root, 'required') == 'true', '%s.%s is required' % (obj, name))
    if kind == 'Picklist':
        values = [text(v, 'fullName') for v in root.iter(Q + 'value')]
        tap.check(values == PICKLIST_VALUES[(obj, name)], '%s.%s has the values of the binding' % (obj, name),
                  'values are %r' % values)
        restricted = root.find(Q + 'valueSet/' + Q + 'restricted')
        tap.check(restricted is not None and restricted.text == 'true',
                  '%s.%s is a restricted picklist' % (obj, name))
    if obj == 'Handoff__c' and name == 'Handoff_Id__c':
        tap.check(text(root, 'externalId') == 'true' and text(root, 'unique') == 'true',
                  'Handoff__c.Handoff_Id__c is an external id, unique')


def main(source_root):
    tap = Tap()
    project = os.path.join(source_root, 'data', 'salesforce')
    default = os.path.join(project, 'force-app', 'main', 'default')

    with open(os.path.join(project, 'sfdx-project.json'), encoding='utf-8') as f:
        sfdx = json.load(f)
    paths = [d.get('path') for d in sfdx.get('packageDirectories', [])]
    tap.check('force-app' in paths, 'sfdx-project.json names force-app as a package directory',
              'packageDirectories: %r' % paths)
    tap.check(re.fullmatch(r'\d+\.0', sfdx.get('sourceApiVersion', '')) is not None,
              'sfdx-project.json pins a source API version')

    # Every XML file in the project parses, whatever it is.
    for dirpath, _dirs, files in os.walk(project):
        for name in sorted(files):
            if name.endswith('.xml'):
                path = os.path.join(dirpath, name)
                try:
                    ET.parse(path)
                    ok, detail = True, ''
                except ET.ParseError as e:
                    ok, detail = False, str(e)
                tap.check(ok, '%s is well-formed XML' % os.path.relpath(path, project), detail)

    guide = guide_tables(os.path.join(source_root, 'docs', 'salesforce-feed.md'))

    for obj, fields in BINDING.items():
        folder = os.path.join(default, 'objects', obj)
        root = parse(tap, os.path.join(folder, obj + '.object-meta.xml'), 'CustomObject', obj)
        if root is not None:
            if obj.endswith('__e'):
                tap.check(text(root, 'eventType') == 'HighVolume', '%s is a high-volume platform event' % obj)
                tap.check(text(root, 'publishBehavior') == 'PublishAfterCommit', '%s publishes after commit' % obj)
            else:
                sharing = SHARING.get(obj, 'Private')
                tap.check(text(root, 'sharingModel') == sharing, '%s has the %s sharing model' % (obj, sharing),
                          'sharingModel is %r' % text(root, 'sharingModel'))
                tap.check(text(root, 'externalSharingModel') in (None, sharing),
                          '%s is %s for external users too' % (obj, sharing))
            tap.check(bool(text(root, 'label')) and bool(text(root, 'pluralLabel')), '%s has labels' % obj)

        on_disk = sorted(n[:-len('.field-meta.xml')] for n in os.listdir(os.path.join(folder, 'fields'))
                         if n.endswith('.field-meta.xml'))
        tap.check(on_disk == sorted(fields), '%s has exactly the fields of the binding' % obj,
                  'on disk: %r\nbinding: %r' % (on_disk, sorted(fields)))
        for name, (kind, extra) in fields.items():
            path = os.path.join(folder, 'fields', name + '.field-meta.xml')
            if tap.check(os.path.exists(path), '%s.%s exists' % (obj, name)):
                check_field(tap, path, obj, name, kind, extra)

        table = guide.get(obj, {})
        tap.check(sorted(table) == sorted(fields), 'the admin guide lists exactly the fields of %s' % obj,
                  'guide: %r\nbinding: %r' % (sorted(table), sorted(fields)))
        for name, (kind, extra) in fields.items():
            if name in table:
                tap.check(table[name].startswith(describe(kind, extra)),
                          'the admin guide gives %s.%s as %s' % (obj, name, describe(kind, extra)),
                          'guide says %r' % table[name])

    ps_path = os.path.join(default, 'permissionsets', 'HandoffDesk_Agent.permissionset-meta.xml')
    root = parse(tap, ps_path, 'PermissionSet', 'HandoffDesk_Agent')
    if root is not None:
        tap.check(bool(text(root, 'label')), 'the permission set has a label')
        granted = {}
        for op in root.iter(Q + 'objectPermissions'):
            granted[text(op, 'object')] = tuple(text(op, k) == 'true' for k in
                                                ('allowCreate', 'allowRead', 'allowEdit', 'allowDelete'))
            tap.check(text(op, 'viewAllRecords') == 'false' and text(op, 'modifyAllRecords') == 'false',
                      'the permission set leaves %s to sharing (no View All, no Modify All)' % text(op, 'object'))
        for obj, wanted in OBJECT_PERMISSIONS.items():
            tap.check(granted.get(obj) == wanted,
                      'the permission set grants %s create/read/edit/delete %r' % (obj, wanted),
                      'grants %r' % (granted.get(obj),))
        tap.check(set(granted) == set(OBJECT_PERMISSIONS), 'the permission set grants nothing else',
                  'objects: %r' % sorted(granted))
        users = {text(up, 'name') for up in root.iter(Q + 'userPermissions') if text(up, 'enabled') == 'true'}
        tap.check(users == USER_PERMISSIONS, 'the permission set enables API Enabled and Access Conversation Entries',
                  'user permissions: %r' % sorted(users))
        readable = {}
        for fp in root.iter(Q + 'fieldPermissions'):
            readable[text(fp, 'field')] = (text(fp, 'readable') == 'true', text(fp, 'editable') == 'true')
        # A required field is readable by whoever reads its object; the Metadata API refuses field
        # permissions on it, and platform event fields have no field-level security at all.
        for obj in ('Handoff__c', 'Handoff_Turn__c'):
            for name in BINDING[obj]:
                field = '%s.%s' % (obj, name)
                if (obj, name) in REQUIRED:
                    tap.check(field not in readable, 'no field permission on the required %s' % field)
                else:
                    tap.check(readable.get(field) == (True, False),
                              'the permission set reads, never edits, %s' % field,
                              'grants %r' % (readable.get(field),))
        tap.check(not any(f.split('.')[0].endswith('__e') for f in readable),
                  'no field permissions on platform event fields')

    print('1..%d' % tap.n)
    return 1 if tap.failed else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), '..')))
