using Detection.Cli;

var parse = DetectCommand.Build().Parse(args);
if (parse.Errors.Count > 0)
{
    // Usage errors (unknown option, missing value) exit 2, like the commands' own usage checks; 1 means "the input has errors".
    foreach (var error in parse.Errors) Console.Error.WriteLine(error.Message);
    Console.Error.WriteLine("Try 'detect --help' or 'detect COMMAND --help'.");
    return 2;
}
return parse.Invoke();
