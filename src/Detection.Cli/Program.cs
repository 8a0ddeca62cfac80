using Detection.Cli;

return DetectCommand.Build().Parse(args).Invoke();
