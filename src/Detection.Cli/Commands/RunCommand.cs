using System.CommandLine;

namespace Detection.Cli.Commands;

internal static class RunCommand
{
    public static Command Create()
    {
        var command = new Command("run",
            "Run the engine as a service on a live source: file://DIR?follow=true, kafka://HOST:PORT/TOPIC?group=G or " +
            "eventhubs://NAMESPACE.servicebus.windows.net/HUB?consumerGroup=G (connection string from the environment).")
        {
            new Option<string>("--source") { Description = "The source URI." },
            new Option<string>("--rules") { Description = "The folder of rule files." },
            new Option<string>("--store") { Description = "The incident store (a SQLite file by default)." },
        };
        NotAvailableYet.Attach(command, "the live service arrives with live ingestion (issue #7).");
        return command;
    }
}
