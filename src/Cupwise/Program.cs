using Cupwise.Cli;

return await CupwiseCli.RunAsync(args);
