namespace Cupwise.Physics;

/// <summary>
/// Predicts the pressure inside a cup and the tissue lift over time. The equations, every parameter and
/// its source are in docs/suction-model.md; the short version:
/// <list type="bullet">
/// <item>fire: air heated by the flame seals at ambient pressure, then cools toward the skin and the
/// wall (seconds), while the wall warmed by the flame cools toward the room (minutes); a flame left
/// inside keeps using oxygen (ethanol: 3 O₂ → 2 CO₂ + 3 H₂O) until it goes out; water vapour is capped at
/// saturation (Magnus);</item>
/// <item>pump: each stroke lets the cup's free air expand into the stroke volume; squeeze: the silicone
/// wall springs back against the vacuum; electric: the device's set pressure, reached in about a second;</item>
/// <item>every method: the tissue dome takes volume and so weakens the vacuum; pressure and lift are solved
/// together; leaks (bamboo, valves, silicone rims) let the vacuum decay exponentially.</item>
/// </list>
/// </summary>
public static class SuctionModel
{
    /// <summary>Molar gas constant, J/(mol·K).</summary>
    public const double GasConstant = 8.314462618;

    /// <summary>
    /// Mean temperature of the flame-heated air when a fire cup seals: the model's one calibrated input.
    /// Chosen so that cotton-ball fire cupping with the standard glass and bamboo cups (three sizes each)
    /// averages −354 mmHg, as measured on a skin model by An et al., J Acupunct Res 2021;38(3):200–204
    /// (SCIENCE.md §1); geometry and material then make the differences between cups.
    /// </summary>
    public static readonly Temperature FlameHeatedAir = Temperature.FromCelsius(CalibratedFlameCelsius);

    /// <summary>See <see cref="FlameHeatedAir"/>; re-derived by a test from the published mean.</summary>
    public const double CalibratedFlameCelsius = 331.4;

    // Fire parameters (docs/suction-model.md §2). [D] derived, [P] practice-based assumption.
    internal const double MolarHeatCapacityAir = 20.8;      // c_v of air, J/(mol·K) [R]
    internal const double InsideHeatTransfer = 10;          // W/(m²·K), natural convection in a small enclosure [R]
    internal const double OutsideHeatTransfer = 15;         // W/(m²·K), convection + radiation to the room [R]
    internal const double FlameHeatFlux = 10_000;           // W/m² into the wall while the flame is inside, averaged over the wall [P]
    internal const double OxygenInAir = 0.2095;
    internal const double OxygenWhenFlameDies = 0.16;        // ethanol flames go out near 15–16 % O₂ [R]
    internal const double BurnTimeConstantSeconds = 3;       // a flame left inside dies within seconds [P]
    internal const double ElectricTimeConstantSeconds = 1;   // reaches the set pressure in < 5 s [M] Yi et al. 2010
    internal const double ElectricLossPerTenMinutes = 0.05;  // loses ≤ 10 % over 600 s [M] Yi et al. 2010

    /// <summary>The tissue can fill at most this share of the cup before it touches the top [D].</summary>
    public const double MaximumDomeShare = 0.8;

    /// <summary>Seconds between the flame leaving the cup and the cup sealing on the skin [P].</summary>
    internal static double TransferSeconds(SuctionMethod method) => method switch
    {
        SuctionMethod.FireFlash => 0.3,
        SuctionMethod.AlcoholDrop => 0.1,
        _ => 0,
    };

    /// <summary>How long the flame heats the wall: before the cup goes on, and after it where the flame stays inside [P].</summary>
    internal static double HeatingSeconds(SuctionMethod method) => method switch
    {
        SuctionMethod.FireFlash => 2,
        _ when method.FlameStaysInside() => 3 + BurnTimeConstantSeconds,
        _ => 3,
    };

    /// <summary>Oxygen left in the air when the cup seals: an open flame has already used some [P].</summary>
    internal static double OxygenAtSeal(SuctionMethod method) => method.FlameStaysInside() ? 0.19 : 0.20;

    /// <summary>Prepares a cup for evaluation: everything that does not depend on time, computed once.</summary>
    public static SuctionState Prepare(SuctionInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        inputs.Validate();
        return new SuctionState(inputs);
    }

    /// <summary>The cup's state <paramref name="time"/> after it sealed.</summary>
    public static SuctionPoint At(SuctionInputs inputs, TimeSpan time) => Prepare(inputs).At(time.TotalSeconds);

    /// <summary>
    /// Fills <paramref name="destination"/> with evenly spaced points from 0 to <paramref name="duration"/>
    /// (the first at 0, the last at the duration). Allocates nothing.
    /// </summary>
    public static void Curve(in SuctionState state, TimeSpan duration, Span<SuctionPoint> destination)
    {
        if (destination.Length < 2)
        {
            throw new ArgumentException("A curve needs at least two points.", nameof(destination));
        }
        var step = duration.TotalSeconds / (destination.Length - 1);
        for (var i = 0; i < destination.Length; i++)
        {
            destination[i] = state.At(i * step);
        }
    }

    /// <summary>Saturation vapour pressure of water over liquid water, Pa (Magnus–Alduchov–Eskridge form) [D].</summary>
    public static double SaturationVapourPressure(Temperature temperature)
    {
        var c = temperature.Celsius;
        return 610.94 * Math.Exp(17.625 * c / (c + 243.04));
    }
}

/// <summary>A cup prepared for evaluation at any time. Immutable; evaluating allocates nothing.</summary>
public readonly struct SuctionState
{
    private readonly SuctionMethod _method;
    private readonly TissueProperties _tissue;
    private readonly double _volume;          // m³
    private readonly double _rimRadius;       // m
    private readonly double _ambientPressure; // Pa
    private readonly double _leakRate;        // 1/s
    private readonly double _maxDome;         // m³: the tissue touches the top of the cup
    private readonly double _maxLift;         // m: the lift at which it does

    // Fire
    private readonly double _sealTemperature;     // K
    private readonly double _envStart;            // K, what the air cools toward at t = 0
    private readonly double _skinShare;
    private readonly double _skin;                // K
    private readonly double _ambient;             // K
    private readonly double _wallWarming;         // K
    private readonly double _wallTimeConstant;    // s
    private readonly double _gasTimeConstant;     // s
    private readonly double _dryMoles0;
    private readonly double _waterMoles0;
    private readonly double _burnableOxygen;      // mol used after sealing

    // Pump and squeeze: a fixed amount of air at room temperature
    private readonly double _moles;
    private readonly double _squeezedShare;
    private readonly double _wallStiffness;       // Pa of vacuum per unit volume strain

    // Electric
    private readonly double _setSuction;          // Pa below ambient

    internal SuctionState(SuctionInputs inputs)
    {
        var cup = inputs.Cup;
        _method = inputs.Method;
        _tissue = inputs.Tissue;
        _volume = cup.Volume.CubicMetres;
        _rimRadius = cup.RimRadiusMetres;
        _ambientPressure = Pressure.Atmosphere.Pascals;
        _leakRate = inputs.Method == SuctionMethod.Electric
            ? -Math.Log(1 - SuctionModel.ElectricLossPerTenMinutes) / 600
            : cup.Wall.LeakRatePerSecond;
        _maxDome = SuctionModel.MaximumDomeShare * _volume;
        _maxLift = TissueProperties.LiftForDomeVolume(_maxDome, _rimRadius);
        _skin = inputs.Skin.Kelvin;
        _ambient = inputs.Ambient.Kelvin;
        _skinShare = cup.SkinShare;
        _sealTemperature = _envStart = _wallWarming = _wallTimeConstant = _gasTimeConstant = 0;
        _dryMoles0 = _waterMoles0 = _burnableOxygen = _moles = _squeezedShare = _wallStiffness = _setSuction = 0;

        switch (inputs.Method)
        {
            case SuctionMethod.Electric:
                _setSuction = _ambientPressure - inputs.SetPressure!.Value.Pascals;
                break;
            case SuctionMethod.Squeeze:
                _squeezedShare = inputs.SqueezeFraction;
                // The silicone wall's resistance to staying squeezed, Pa per unit volume strain: 30 kPa for a
                // body cup of 50 mm and more, less for small thin-walled facial cups [P].
                _wallStiffness = 30_000 * Math.Min(1, cup.RimDiameter.Millimetres / 50);
                _moles = _ambientPressure * _volume * (1 - _squeezedShare) / (SuctionModel.GasConstant * _ambient);
                break;
            case SuctionMethod.Pump:
                _moles = PumpedMoles(inputs);
                break;
            default:
                var flame = (inputs.FlameHeatedAir ?? SuctionModel.FlameHeatedAir).Kelvin;
                var wall = cup.Wall;
                var heating = SuctionModel.HeatingSeconds(inputs.Method);
                // The wall's bulk warms by the flame's heat flux over the heating time and cools to the room
                // and the cup's air over minutes.
                _wallWarming = SuctionModel.FlameHeatFlux * heating / wall.HeatCapacityPerArea;
                _wallTimeConstant = wall.HeatCapacityPerArea / (SuctionModel.InsideHeatTransfer + SuctionModel.OutsideHeatTransfer);
                _envStart = Environment(0);
                // The air's own time constant once sealed: its heat capacity over the inside heat transfer, seconds.
                var delay = inputs.SealDelay?.TotalSeconds ?? SuctionModel.TransferSeconds(inputs.Method);
                _sealTemperature = CooledWhileOpen(flame, _envStart, delay, cup);
                var molesSealed = _ambientPressure * _volume / (SuctionModel.GasConstant * _sealTemperature);
                _gasTimeConstant = molesSealed * SuctionModel.MolarHeatCapacityAir / (SuctionModel.InsideHeatTransfer * cup.InnerAreaSquareMetres);
                var sealed0 = _ambientPressure * _volume / (SuctionModel.GasConstant * _sealTemperature);
                var oxygen = SuctionModel.OxygenAtSeal(inputs.Method);
                var humidity = inputs.RelativeHumidity * SuctionModel.SaturationVapourPressure(inputs.Ambient) / _ambientPressure;
                // Water from the oxygen burnt before sealing (ethanol: one H₂O per O₂) plus the room's humidity.
                var water = humidity + (SuctionModel.OxygenInAir - oxygen);
                _waterMoles0 = sealed0 * water;
                _dryMoles0 = sealed0 - _waterMoles0;
                _burnableOxygen = inputs.Method.FlameStaysInside() ? sealed0 * Math.Max(0, oxygen - SuctionModel.OxygenWhenFlameDies) : 0;
                break;
        }
    }

    /// <summary>Fire methods: the mean temperature of the cup's air as it sealed; null for other methods.</summary>
    public Temperature? SealTemperature => _sealTemperature > 0 ? Temperature.FromKelvin(_sealTemperature) : null;

    /// <summary>Fire methods: time constant of the air cooling toward skin and wall, seconds; of the wall cooling, seconds.</summary>
    public (double Air, double Wall)? CoolingTimeConstants => _sealTemperature > 0 ? (_gasTimeConstant, _wallTimeConstant) : null;

    /// <summary>The cup's state <paramref name="seconds"/> after it sealed.</summary>
    public SuctionPoint At(double seconds)
    {
        if (!(seconds >= 0) || double.IsInfinity(seconds))
        {
            throw new ArgumentOutOfRangeException(nameof(seconds), seconds, "Time must be 0 or more seconds.");
        }
        double pressure;
        switch (_method)
        {
            case SuctionMethod.Electric:
                var suction = _setSuction * (1 - Math.Exp(-seconds / SuctionModel.ElectricTimeConstantSeconds)) * Math.Exp(-_leakRate * seconds);
                pressure = _ambientPressure - suction;
                break;
            case SuctionMethod.Squeeze:
                pressure = SolveSqueeze(Leaked(_moles, _ambient, seconds), _ambient);
                break;
            case SuctionMethod.Pump:
                pressure = SolveRigid(Leaked(_moles, _ambient, seconds) * SuctionModel.GasConstant * _ambient / _volume);
                break;
            default:
                pressure = SolveRigid(FireFreePressure(seconds));
                break;
        }
        var lift = Lift(_ambientPressure - pressure);
        return new SuctionPoint(seconds, Pressure.FromPascals(pressure), Length.FromMetres(lift), Volume.FromCubicMetres(Dome(lift)));
    }

    /// <summary>Lift of the tissue, m, stopped where it would fill the cup.</summary>
    private double Lift(double suction) => Math.Min(_tissue.LiftMetres(suction, _rimRadius), _maxLift);

    private double Dome(double lift) => Math.Min(TissueProperties.DomeVolume(lift, _rimRadius), _maxDome);

    /// <summary>d(dome volume)/d(suction), m³/Pa; zero once the tissue touches the top of the cup.</summary>
    private double DomeSlope(double lift) =>
        lift >= _maxLift ? 0 : TissueProperties.DomeVolumeSlope(lift, _rimRadius) * _tissue.LiftSlope(lift, _rimRadius);

    /// <summary>
    /// Flash and alcohol drop: the open cup's air cools toward the wall in the moment before it seals. Open, the
    /// cup keeps ambient pressure, so the air's amount grows as it cools: dT/dt = −k·T·(T − T_e) with
    /// k = h·A·R/(P₀·V·c_p), whose solution is T = T_e / (1 − (1 − T_e/T₀)·e^(−k·T_e·t)) — hotter air always stays hotter.
    /// </summary>
    private static double CooledWhileOpen(double flame, double environment, double seconds, CupGeometry cup)
    {
        if (seconds <= 0)
        {
            return flame;
        }
        var k = SuctionModel.InsideHeatTransfer * cup.InnerAreaSquareMetres * SuctionModel.GasConstant
                / (Pressure.Atmosphere.Pascals * cup.Volume.CubicMetres * (SuctionModel.MolarHeatCapacityAir + SuctionModel.GasConstant));
        return environment / (1 - ((1 - (environment / flame)) * Math.Exp(-k * environment * seconds)));
    }

    /// <summary>What the cup's air cools toward: a blend of the skin under the opening and the wall.</summary>
    private double Environment(double seconds) =>
        (_skinShare * _skin) + ((1 - _skinShare) * (_ambient + (_wallWarming * Math.Exp(-seconds / Math.Max(_wallTimeConstant, 1e-9)))));

    /// <summary>The pressure the fire cup's air would have without the tissue dome, Pa.</summary>
    private double FireFreePressure(double seconds)
    {
        var temperature = Environment(seconds) + ((_sealTemperature - _envStart) * Math.Exp(-seconds / _gasTimeConstant));
        var burnt = _burnableOxygen * (1 - Math.Exp(-seconds / SuctionModel.BurnTimeConstantSeconds));
        // Ethanol: 3 O₂ → 2 CO₂ + 3 H₂O. Per mole of O₂ the dry gas falls by a third of a mole; the water formed at
        // a flame burning against the cool wall and skin is taken to condense there at once (SCIENCE.md §1).
        var dry = _dryMoles0 - (burnt / 3);
        var water = _waterMoles0;
        var wallTemperature = Temperature.FromKelvin(_ambient + (_wallWarming * Math.Exp(-seconds / _wallTimeConstant)));
        var vapour = Math.Min(water * SuctionModel.GasConstant * temperature / _volume, SuctionModel.SaturationVapourPressure(wallTemperature));
        dry = Leaked(dry, temperature, seconds, vapour);
        return (dry * SuctionModel.GasConstant * temperature / _volume) + vapour;
    }

    /// <summary>Air leaking in: the dry air approaches what fills the cup at ambient pressure, at the leak rate.</summary>
    private double Leaked(double moles, double temperature, double seconds, double vapour = 0)
    {
        if (_leakRate <= 0)
        {
            return moles;
        }
        var full = (_ambientPressure - vapour) * _volume / (SuctionModel.GasConstant * temperature);
        return full + ((moles - full) * Math.Exp(-_leakRate * seconds));
    }

    /// <summary>
    /// Pressure in a rigid cup whose air alone would be at <paramref name="freePressure"/>, with the tissue dome
    /// taking volume: solves P·(V − V_dome(P₀ − P)) = P_free·V on [P_free, P₀].
    /// </summary>
    private double SolveRigid(double freePressure)
    {
        if (freePressure >= _ambientPressure)
        {
            return _ambientPressure; // no vacuum: the cup does not hold
        }
        var target = freePressure * _volume;
        var lo = freePressure;
        var hi = _ambientPressure;
        var p = freePressure;
        for (var i = 0; i < 200; i++)
        {
            var lift = Lift(_ambientPressure - p);
            var dome = Dome(lift);
            var h = (p * (_volume - dome)) - target;
            if (Math.Abs(h) <= target * 1e-12 || hi - lo <= hi * 1e-15)
            {
                return p;
            }
            if (h < 0) { lo = p; } else { hi = p; }
            var slope = (_volume - dome) + (p * DomeSlope(lift));
            var next = p - (h / slope);
            p = next > lo && next < hi ? next : (lo + hi) / 2; // Newton, kept inside the bracket
        }
        return p;
    }

    /// <summary>
    /// Pressure in a released silicone cup: the wall springs back, V_wall = V·max(1 − f, 1 − (P₀ − P)/K), and
    /// the air obeys P·(V_wall − V_dome) = n·R·T.
    /// </summary>
    private double SolveSqueeze(double moles, double temperature)
    {
        var target = moles * SuctionModel.GasConstant * temperature;
        double lo = 0, hi = _ambientPressure, p = _ambientPressure * (1 - _squeezedShare);
        for (var i = 0; i < 80; i++)
        {
            var suction = _ambientPressure - p;
            var strain = suction / _wallStiffness;
            var clamped = strain >= _squeezedShare;
            var wallVolume = _volume * (1 - (clamped ? _squeezedShare : strain));
            var lift = Lift(suction);
            var dome = Dome(lift);
            var h = (p * (wallVolume - dome)) - target;
            if (Math.Abs(h) <= target * 1e-10)
            {
                return p;
            }
            if (h < 0) { lo = p; } else { hi = p; }
            var slope = (wallVolume - dome) + (clamped ? 0 : p * _volume / _wallStiffness)
                        + (p * DomeSlope(lift));
            var next = p - (h / slope);
            p = next > lo && next < hi ? next : (lo + hi) / 2;
        }
        return p;
    }

    /// <summary>Stroke by stroke: the cup's free air expands into the pump's stroke volume, then the valve closes.</summary>
    private double PumpedMoles(SuctionInputs inputs)
    {
        var moles = _ambientPressure * _volume / (SuctionModel.GasConstant * _ambient);
        var stroke = inputs.PumpStrokeVolume.CubicMetres;
        for (var k = 0; k < inputs.PumpStrokes; k++)
        {
            var pressure = SolveRigid(moles * SuctionModel.GasConstant * _ambient / _volume);
            // At the solved pressure the free volume is n·R·T/P, exactly and always positive.
            var free = moles * SuctionModel.GasConstant * _ambient / pressure;
            moles *= free / (free + stroke);
        }
        return moles;
    }
}
