using System.Reflection;
using System.Runtime.ExceptionServices;

namespace Microsoft.ML.Oversampling.Persistence;

/// <summary>Creates generic components whose type argument is known only once their children are loaded
/// (a chain's last transformer, a prediction transformer's model).</summary>
internal static class GenericComponentFactory
{
    /// <summary>Calls the public constructor of <paramref name="genericDefinition"/> closed over <paramref name="argument"/>.</summary>
    public static object Create(Type genericDefinition, Type argument, params object?[] constructorArguments)
    {
        try
        {
            return Activator.CreateInstance(genericDefinition.MakeGenericType(argument), constructorArguments)!;
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            ExceptionDispatchInfo.Throw(e.InnerException);
            throw;
        }
    }
}
