using System.Runtime.CompilerServices;
namespace Microsoft.ML.Oversampling.Neural;

/// <summary>Runs reverse-mode differentiation over the operations recorded behind a scalar.</summary>
internal static class AutogradEngine
{
    [ThreadStatic]
    private static int t_stamp;

    [ThreadStatic]
    private static List<Tensor>? t_order;

    [ThreadStatic]
    private static Stack<(Tensor Node, int NextParent)>? t_stack;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Backward(Tensor root)
    {
        if (root.Size != 1)
        {
            throw new InvalidOperationException($"Backward() needs a one-element loss, but the shape is {Tensor.FormatShape(root.ShapeView)}.");
        }

        if (!root.RequiresGrad)
        {
            throw new InvalidOperationException("Backward() was called on a tensor that does not require gradients (no parameter contributes to it, or it was computed under Autograd.NoGrad()).");
        }

        ThrowIfReleased(root);
        var order = t_order ??= [];
        var stack = t_stack ??= new();
        order.Clear();
        int stamp = ++t_stamp;

        // Iterative post-order depth-first search: parents land in the list before the results that use them.
        root.VisitStamp = stamp;
        stack.Push((root, 0));
        while (stack.Count > 0)
        {
            var (node, next) = stack.Pop();
            var parents = node.Parents;
            if (parents is not null && next < parents.Length)
            {
                stack.Push((node, next + 1));
                var parent = parents[next];
                if (parent.RequiresGrad && parent.VisitStamp != stamp)
                {
                    ThrowIfReleased(parent);
                    parent.VisitStamp = stamp;
                    stack.Push((parent, 0));
                }
            }
            else
            {
                order.Add(node);
            }
        }

        root.GradSpan().Fill(1f);
        for (int i = order.Count - 1; i >= 0; i--)
        {
            var node = order[i];
            var backward = node.BackwardFunction;
            if (backward is null)
            {
                continue;
            }

            if (node.Grad is not null)
            {
                backward(node);
            }

            // Like PyTorch without retain_graph: intermediate gradients and history are dropped after use.
            node.ReleaseGrad();
            node.ReleaseHistory();
        }

        order.Clear();
    }

    private static void ThrowIfReleased(Tensor tensor)
    {
        if (tensor.HistoryReleased)
        {
            throw new InvalidOperationException(
                "Backward() reached a result whose recorded operations were already used and freed by an earlier Backward(); recompute it, or Detach() it where a second graph should stop.");
        }
    }
}
