using System.Text.RegularExpressions;

namespace Cupwise.Domain.Plans;

/// <summary>
/// SCIENCE.md §6: the claims Cupwise never makes — that cupping removes toxins or detoxifies, treats infections or
/// replaces antibiotics, cures fever, hypertension, infertility or anaemia, improves athletic performance, or
/// allows diagnosis from mark colour. A sentence making one is found unless it says the claim is not made (a
/// negation in the sentence) or stands in a section headed "Claims we do not make". Used by the test that scans
/// every user-facing text, and to refuse such claims in a practice's own protocols.
/// </summary>
public static partial class ClaimsCheck
{
    /// <summary>The sentences of <paramref name="text"/> that make a banned claim, outside "Claims we do not make" sections.</summary>
    /// <param name="prose">Markdown prose: sentences may run over lines. Otherwise every line stands alone.</param>
    public static List<string> Scan(string text, bool prose = true)
    {
        var findings = new List<string>();
        var exempt = false;
        var paragraph = new List<string>();
        void Flush()
        {
            // A sentence may run over several lines: judge whole paragraphs, sentence by sentence.
            foreach (var sentence in SentenceBreak().Split(string.Join(' ', paragraph)))
            {
                if (!exempt && Banned.Any(p => p.IsMatch(sentence)) && !Negation().IsMatch(sentence))
                {
                    findings.Add(sentence.Trim());
                }
            }
            paragraph.Clear();
        }
        foreach (var line in text.Split('\n'))
        {
            if (Heading().IsMatch(line))
            {
                Flush();
                exempt = line.Contains("claims we do not make", StringComparison.OrdinalIgnoreCase);
                continue;
            }
            if (string.IsNullOrWhiteSpace(line))
            {
                Flush();
                continue;
            }
            paragraph.Add(line.Trim());
            if (!prose)
            {
                Flush(); // code and data: each line stands alone
            }
        }
        Flush();
        return findings;
    }

    private static readonly Regex[] Banned =
    [
        new(@"\bdetox", RegexOptions.IgnoreCase),
        new(@"\btoxins?\b", RegexOptions.IgnoreCase),
        new(@"\b(instead of|replac\w*|rather than)\s+(the\s+)?antibiotics?\b", RegexOptions.IgnoreCase),
        new(@"\b(treat|treats|treating|cure|cures|curing|heal|heals|fight|fights|clear|clears)\s+(an?\s+|the\s+)?(chest\s+)?infections?\b", RegexOptions.IgnoreCase),
        new(@"\b(cure|cures|curing|treat|treats|lower|lowers|reduce|reduces|reverse|reverses)\s+(a\s+|the\s+)?(fever|hypertension|high blood pressure|infertility|an(a)?emia)\b", RegexOptions.IgnoreCase),
        new(@"\b(athletic|sports?)\s+performance\b", RegexOptions.IgnoreCase),
        new(@"\bdiagnos\w*\b[^.]{0,40}\b(marks?|colou?rs?)\b", RegexOptions.IgnoreCase),
        new(@"\b(marks?|colou?rs?)\b[^.]{0,40}\b(diagnos\w*|reveal\w*|shows?|indicates?)\b[^.]{0,40}\b(organ|liver|kidney|blockage|blocked|stagnation|disease|illness)\b", RegexOptions.IgnoreCase),
    ];

    [GeneratedRegex(@"\b(not|never|no|cannot|nor|don't|doesn't|isn't)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Negation();

    [GeneratedRegex(@"^\s*(#{1,6}\s|<h[1-6])", RegexOptions.IgnoreCase)]
    private static partial Regex Heading();

    [GeneratedRegex(@"(?<=[.!?;])\s+")]
    private static partial Regex SentenceBreak();

}
