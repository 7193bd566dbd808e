namespace SiebelCti.Connector.Service.Monitor;

/// <summary>
/// Bounds how many monitor passwords are hashed at once (each check costs about a quarter of a
/// second of CPU): <see cref="Slots"/> for every attempt, plus <see cref="KnownDeviceSlots"/> kept
/// for attempts from known devices, so that a flood of guesses cannot keep the operator's own
/// browser waiting. An attempt that gets no slot within <see cref="MaxWait"/> is not checked.
/// </summary>
internal sealed class PasswordCheckGate(TimeProvider timeProvider) : IDisposable
{
    public const int Slots = 2;
    public const int KnownDeviceSlots = 1;
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(10);

    private readonly SemaphoreSlim _slots = new(Slots, Slots);
    private readonly SemaphoreSlim _knownDeviceSlots = new(KnownDeviceSlots, KnownDeviceSlots);

    /// <summary>A slot to hash in (dispose to give it back), or null when none was free within <see cref="MaxWait"/>.</summary>
    public async Task<IDisposable?> EnterAsync(bool knownDevice, CancellationToken cancellationToken)
    {
        var semaphore = knownDevice ? _knownDeviceSlots : _slots;
        using var deadline = new CancellationTokenSource(MaxWait, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            await semaphore.WaitAsync(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return null;
        }

        return new Slot(semaphore);
    }

    public void Dispose()
    {
        _slots.Dispose();
        _knownDeviceSlots.Dispose();
    }

    private sealed class Slot(SemaphoreSlim semaphore) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                semaphore.Release();
            }
        }
    }
}
