using System.Text;

namespace Robotics.Ros.Nodes;

/// <summary>
/// ROS 2 name rules: validation of node names, namespaces and topic/service names (as <c>rmw_validate_node_name</c>,
/// <c>rmw_validate_namespace</c>, <c>rcl_validate_topic_name</c>, <c>rmw_validate_full_topic_name</c>) and expansion of
/// relative, private (<c>~</c>) and substituted (<c>{node}</c>, <c>{ns}</c>) names (<c>rcl_expand_topic_name</c>).
/// </summary>
/// <remarks>
/// Validators return null for a valid name, otherwise a sentence saying what is wrong and where; callers turn it into
/// an <see cref="ArgumentException"/> with the fix.
/// </remarks>
public static class RosNames
{
    /// <summary>Maximum node name length (<c>RMW_NODE_NAME_MAX_NAME_LENGTH</c>).</summary>
    public const int MaxNodeNameLength = 255;

    /// <summary>Maximum fully qualified topic name length (<c>RMW_TOPIC_MAX_NAME_LENGTH</c>).</summary>
    public const int MaxTopicNameLength = 255;

    /// <summary>Checks a node name: non-empty, letters, digits and '_' only, not starting with a digit.</summary>
    /// <param name="name">The node name, e.g. <c>talker</c>.</param>
    /// <returns>Null when valid, otherwise the reason.</returns>
    public static string? ValidateNodeName(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return "node name must not be empty";
        }

        if (name.Length > MaxNodeNameLength)
        {
            return $"node name is {name.Length} characters long, the limit is {MaxNodeNameLength}";
        }

        if (char.IsAsciiDigit(name[0]))
        {
            return "node name must not start with a number";
        }

        for (int i = 0; i < name.Length; i++)
        {
            if (!IsNameChar(name[i]))
            {
                return $"node name must not contain '{name[i]}' (at index {i}); only letters, digits and '_' are allowed";
            }
        }

        return null;
    }

    /// <summary>Checks an absolute namespace: <c>/</c> or <c>/a/b</c> (no trailing or repeated '/', tokens not starting with a digit).</summary>
    /// <param name="ns">The namespace.</param>
    /// <returns>Null when valid, otherwise the reason.</returns>
    public static string? ValidateNamespace(string? ns)
    {
        if (string.IsNullOrEmpty(ns))
        {
            return "namespace must not be empty";
        }

        if (ns[0] != '/')
        {
            return "namespace must be absolute (start with '/')";
        }

        return ns == "/" ? null : ValidateFullyQualified(ns, "namespace");
    }

    /// <summary>Checks a fully qualified topic or service name such as <c>/ns/chatter</c>.</summary>
    /// <param name="name">The expanded name.</param>
    /// <returns>Null when valid, otherwise the reason.</returns>
    public static string? ValidateFullTopicName(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return "topic name must not be empty";
        }

        if (name[0] != '/')
        {
            return "topic name must be absolute (start with '/')";
        }

        if (name == "/")
        {
            return "topic name must not be just '/'";
        }

        return ValidateFullyQualified(name, "topic name");
    }

    /// <summary>
    /// Checks a topic or service name as a user writes it (before expansion): relative (<c>chatter</c>), absolute
    /// (<c>/chatter</c>), private (<c>~/chatter</c>) or with substitutions (<c>{node}/state</c>).
    /// </summary>
    /// <param name="name">The name.</param>
    /// <returns>Null when valid, otherwise the reason.</returns>
    public static string? ValidateTopicName(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return "topic name must not be empty";
        }

        if (name.EndsWith('/'))
        {
            return "topic name must not end with '/'";
        }

        if (char.IsAsciiDigit(name[0]))
        {
            return "topic name must not start with a number";
        }

        bool inSubstitution = false;
        for (int i = 0; i < name.Length; i++)
        {
            char c = name[i];
            if (c == '~')
            {
                if (i != 0)
                {
                    return $"'~' is only allowed as the first character (found at index {i})";
                }

                if (name.Length > 1 && name[1] != '/')
                {
                    return "'~' must be followed by '/' (e.g. '~/state')";
                }

                continue;
            }

            if (c == '{')
            {
                if (inSubstitution)
                {
                    return $"nested '{{' at index {i}";
                }

                inSubstitution = true;
                continue;
            }

            if (c == '}')
            {
                if (!inSubstitution)
                {
                    return $"unmatched '}}' at index {i}";
                }

                inSubstitution = false;
                continue;
            }

            if (c == '/')
            {
                if (inSubstitution)
                {
                    return $"'/' inside a substitution at index {i}";
                }

                if (i > 0 && name[i - 1] == '/')
                {
                    return $"repeated '/' at index {i}";
                }

                if (i + 1 < name.Length && char.IsAsciiDigit(name[i + 1]))
                {
                    return $"a name token must not start with a number (index {i + 1})";
                }

                continue;
            }

            if (!IsNameChar(c))
            {
                return $"topic name must not contain '{c}' (at index {i}); only letters, digits, '_', '/', '~' and '{{}}' substitutions are allowed";
            }
        }

        return inSubstitution ? "unterminated '{' substitution" : null;
    }

    /// <summary>
    /// Expands a topic or service name for a node (<c>rcl_expand_topic_name</c>): <c>~</c> becomes the node's fully
    /// qualified name, <c>{node}</c> the node name, <c>{ns}</c>/<c>{namespace}</c> the namespace, and relative names
    /// are prefixed with the namespace. The result is validated.
    /// </summary>
    /// <param name="name">Name as written, e.g. <c>chatter</c>, <c>~/state</c>, <c>/abs</c>.</param>
    /// <param name="nodeName">The node's name.</param>
    /// <param name="nodeNamespace">The node's absolute namespace.</param>
    /// <returns>The fully qualified name.</returns>
    /// <exception cref="ArgumentException">The name, node name or namespace is invalid, or a substitution is unknown.</exception>
    public static string Expand(string name, string nodeName, string nodeNamespace)
    {
        if (ValidateTopicName(name) is { } bad)
        {
            throw new ArgumentException($"Topic or service name '{name}' is invalid: {bad}. Use e.g. 'chatter', '/robot/chatter' or '~/state'.", nameof(name));
        }

        string fqn = FullyQualifiedNodeName(nodeNamespace, nodeName);
        string expanded = name;
        if (expanded[0] == '~')
        {
            expanded = fqn + expanded[1..];
        }

        if (expanded.Contains('{', StringComparison.Ordinal))
        {
            var sb = new StringBuilder();
            int i = 0;
            while (i < expanded.Length)
            {
                int open = expanded.IndexOf('{', i);
                if (open < 0)
                {
                    sb.Append(expanded, i, expanded.Length - i);
                    break;
                }

                int close = expanded.IndexOf('}', open);
                sb.Append(expanded, i, open - i);
                string key = expanded[(open + 1)..close];
                sb.Append(key switch
                {
                    "node" => nodeName,
                    "ns" or "namespace" => nodeNamespace == "/" && open == 0 ? string.Empty : nodeNamespace,
                    _ => throw new ArgumentException($"Topic name '{name}' uses the unknown substitution '{{{key}}}'; known are {{node}}, {{ns}} and {{namespace}}.", nameof(name)),
                });
                i = close + 1;
            }

            expanded = sb.ToString();
            if (expanded.Length == 0)
            {
                expanded = "/";
            }
        }

        if (expanded[0] != '/')
        {
            expanded = nodeNamespace == "/" ? "/" + expanded : nodeNamespace + "/" + expanded;
        }

        if (ValidateFullTopicName(expanded) is { } reason)
        {
            throw new ArgumentException($"Topic or service name '{name}' expands to '{expanded}', which is invalid: {reason}.", nameof(name));
        }

        return expanded;
    }

    /// <summary>The fully qualified node name: <c>/talker</c> in <c>/</c>, <c>/demo/talker</c> in <c>/demo</c>.</summary>
    /// <param name="nodeNamespace">Absolute namespace.</param>
    /// <param name="nodeName">Node name.</param>
    /// <returns>The fully qualified name.</returns>
    public static string FullyQualifiedNodeName(string nodeNamespace, string nodeName) =>
        nodeNamespace.EndsWith('/') ? nodeNamespace + nodeName : nodeNamespace + "/" + nodeName;

    /// <summary>Normalises a namespace as rclcpp does: empty becomes <c>/</c>, a relative one gets a leading <c>/</c>.</summary>
    /// <param name="ns">Namespace as given.</param>
    /// <returns>The absolute namespace (not yet validated).</returns>
    public static string NormalizeNamespace(string? ns)
    {
        if (string.IsNullOrEmpty(ns))
        {
            return "/";
        }

        return ns[0] == '/' ? ns : "/" + ns;
    }

    private static string? ValidateFullyQualified(string name, string what)
    {
        if (name.Length > MaxTopicNameLength)
        {
            return $"{what} is {name.Length} characters long, the limit is {MaxTopicNameLength}";
        }

        if (name.EndsWith('/'))
        {
            return $"{what} must not end with '/'";
        }

        for (int i = 1; i < name.Length; i++)
        {
            char c = name[i];
            if (c == '/')
            {
                if (name[i - 1] == '/')
                {
                    return $"{what} must not contain repeated '/' (index {i})";
                }

                continue;
            }

            if (!IsNameChar(c))
            {
                return $"{what} must not contain '{c}' (at index {i}); only letters, digits, '_' and '/' are allowed";
            }

            if (name[i - 1] == '/' && char.IsAsciiDigit(c))
            {
                return $"a {what} token must not start with a number (index {i})";
            }
        }

        return null;
    }

    private static bool IsNameChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';
}
