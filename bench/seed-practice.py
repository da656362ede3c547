"""Seeds a practice for bench/client-chart.sh: 5,000 clients; one with 60 sessions and 400 cup applications.
Prints the charted client's id. Talks to a Cupwise server on loopback only."""
import json
import sys
import os
import urllib.request

base = sys.argv[1]


def post(path, body):
    request = urllib.request.Request(base + path, data=json.dumps(body).encode(), headers={"Content-Type": "application/json", "Authorization": "Bearer " + os.environ["CUPWISE_TOKEN"]})
    with urllib.request.urlopen(request) as response:
        return json.load(response)


practitioner = post("/api/v1/practitioners", {"displayName": "Bench practitioner"})["id"]
target = None
for i in range(5000):
    client = post("/api/v1/clients", {"familyName": f"Family{i:04d}", "givenName": "Bench", "dateOfBirth": "1980-01-01", "sex": "unknown"})
    if i == 2500:
        target = client["id"]
sites = [("lower-back", "left"), ("lower-back", "right"), ("upper-back", "left"), ("upper-back", "right"),
         ("mid-back", "left"), ("mid-back", "right"), ("upper-trapezius", "left")]
cups_made = 0
for s in range(60):
    count = 7 if s < 40 else 6  # 40*7 + 20*6 = 400
    day = 1 + s % 28
    month = 1 + s // 28
    start = f"2026-{month:02d}-{day:02d}T09:00:00Z"
    cups = []
    for k in range(count):
        site, side = sites[k]
        cups.append({"cupId": "glass-medium" if site == "upper-trapezius" else "glass-large", "siteId": site, "side": side,
                     "technique": "stationary", "method": "fire-flash", "appliedAt": f"2026-{month:02d}-{day:02d}T09:{k:02d}:00Z",
                     "removedAt": f"2026-{month:02d}-{day:02d}T09:{k + 10:02d}:00Z", "markGrade": 2})
    session = post("/api/v1/sessions", {"clientId": target, "practitionerId": practitioner, "status": "completed",
                                        "startedAt": start, "endedAt": f"2026-{month:02d}-{day:02d}T09:30:00Z", "cups": cups})
    cups_made += count
    post(f"/api/v1/clients/{target}/outcomes", {"kind": "pain", "value": 6, "timing": "before-session", "sessionId": session["id"], "takenAt": start})
    post(f"/api/v1/clients/{target}/outcomes", {"kind": "pain", "value": 3, "timing": "after-session", "sessionId": session["id"], "takenAt": f"2026-{month:02d}-{day:02d}T09:40:00Z"})
assert cups_made == 400
print(target)
