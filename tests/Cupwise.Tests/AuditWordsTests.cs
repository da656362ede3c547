using Cupwise.Audit;
using Cupwise.Data.Accounts;

namespace Cupwise.Tests;

/// <summary>The audit log page tells each entry as a sentence: no route, record type or id shows.</summary>
public sealed class AuditWordsTests
{
    [Theory]
    [InlineData("read", "GET /clients/{Id:guid}", "Opened a client's chart")]
    [InlineData("read", "GET /clients/{Id:guid}/summary", "Opened a client's summary")]
    [InlineData("read", "GET /clients", "Opened the client list")]
    [InlineData("read", "GET /", "Opened Today")]
    [InlineData("read", "GET /sessions/{Id:guid}", "Opened a session")]
    [InlineData("write", "POST /clients/{Id:guid}/edit", "Saved a client's details")]
    [InlineData("read", "GET /api/v1/clients/{id}", "Read a client through the API")]
    [InlineData("write", "DELETE /api/v1/photos/{id}", "Removed a photo through the API")]
    [InlineData("update", "CupApplication 82fcd47a-0000-4000-8000-000000000001 #3 MarkGrade,RemovedAt", "Changed cup 3's mark grade and removed at")]
    [InlineData("create", "TreatmentSession 6f000000-0000-4000-8000-000000000001 + 6 CupApplication", "Added a session and 6 cups")]
    [InlineData("create", "Client 6f000000-0000-4000-8000-000000000001 + 1 ClientRevision", "Added a client and an earlier version of the record")]
    [InlineData("update", "Appointment 6f000000-0000-4000-8000-000000000001 Status,CancelReason", "Changed the visit's status and cancel reason")]
    [InlineData("update", "TreatmentPlan 6f000000-0000-4000-8000-000000000001", "Changed a plan")]
    [InlineData("sign-in", "POST /login", "Signed in")]
    [InlineData("token-create", "token 6f000000-0000-4000-8000-000000000001 'reception tablet'", "Made an API token \"reception tablet\"")]
    public void AnEntryReadsAsWhatThePersonDid(string action, string what, string said)
    {
        Assert.Equal(said, AuditWords.What(new AuditEntry { Action = action, What = what }));
    }

    [Theory]
    [InlineData("200", "Done")]
    [InlineData("ok", "Done")]
    [InlineData("403", "Refused")]
    [InlineData("409", "Refused: someone else changed it first")]
    [InlineData("locked", "Refused: locked after wrong passwords")]
    [InlineData("500", "Failed on the server")]
    public void AnOutcomeReadsInWords(string outcome, string said) => Assert.Equal(said, AuditWords.Outcome(outcome));
}
