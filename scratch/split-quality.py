"""Decision and per-critic figures on the old and the new (held-out) corpus entries, from a
quality-report JSON: python3 scratch/split-quality.py /tmp/q.json"""
import json, sys
NEW = {('obfuscated', 46), ('safety', 45), ('injection', 34)}
def is_new(i):
    area, n = i.rsplit('-', 1)
    return any(area == a and int(n) >= s for a, s in NEW)
rep = json.load(open(sys.argv[1]))
entries = []
for f in ['benign','bias-fairness','injection','input-validation','lookalikes','obfuscated','pii','rights-autonomy','safety','secrets','style','truth-risk-operations']:
    for l in open(f'test/corpus/{f}.jsonl'):
        if l.strip(): entries.append(json.loads(l))
mm = {m['id']: m for m in rep['mismatches']}
MINE = ['quick_safety','prompt_injection_check','input_validation','secrets_scan','style_checker']
for label, pick in [('old', lambda e: not is_new(e['id'])), ('new', lambda e: is_new(e['id']))]:
    tp=fp=fn=tn=0; la=laf=0
    crit = {c: [0,0,0] for c in MINE}  # tp fp fn
    for e in filter(pick, entries):
        m = mm.get(e['id'])
        exp = e['expect']['flagged']
        act = m['actual']['flagged'] if m else exp
        if exp and act: tp+=1
        elif exp: fn+=1
        elif act: fp+=1
        else: tn+=1
        if e['lookalike']:
            la+=1; laf+= act
        acts = {c['critic'] for c in m['actual']['critics'] if c['severity'] >= 1} if m else set(e['expect']['critics'])
        for c in MINE:
            x = c in e['expect']['critics']; y = c in acts
            if x and y: crit[c][0]+=1
            elif y: crit[c][1]+=1
            elif x: crit[c][2]+=1
    p = tp/(tp+fp) if tp+fp else 1; r = tp/(tp+fn) if tp+fn else 1
    print(f"{label}: decision precision {p:.3f} recall {r:.3f} (TP {tp} FP {fp} FN {fn} TN {tn}); look-alikes flagged {laf}/{la}")
    for c,(a,b,d) in crit.items():
        if a+b+d: print(f"   {c:24} precision {a/(a+b) if a+b else 1:.3f} recall {a/(a+d) if a+d else 1:.3f} (TP {a} FP {b} FN {d})")
