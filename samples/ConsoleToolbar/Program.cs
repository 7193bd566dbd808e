// The console toolbar is built by the end-to-end issue; until then it says so.
Console.Error.WriteLine("SiebelCti console toolbar: not built yet (see the end-to-end issue).");
return 2;
