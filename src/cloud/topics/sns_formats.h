// The messages SNS sends, field for field: the JSON notification (HTTP/S, SQS, email-json), the
// subscription confirmation, the Lambda event, and the email text.
#pragma once

#include <string>

#include "cloud/environment.h"
#include "cloud/topics/topic_models.h"

namespace eventlab::cloud::topics {

/// "arn:aws:sns:<region>:<account>:<topic>".
std::string TopicArn(const Environment& env, const std::string& topic);
/// "https://sns.<region>.amazonaws.com/SimpleNotificationService-<32 hex>.pem".
std::string SigningCertUrl(const Environment& env);
/// "https://sns.<region>.amazonaws.com/?Action=Unsubscribe&SubscriptionArn=<arn>".
std::string UnsubscribeUrl(const Environment& env, const std::string& subscription_arn);
/// "https://sns.<region>.amazonaws.com/?Action=ConfirmSubscription&TopicArn=<arn>&Token=<token>".
std::string SubscribeUrl(const Environment& env, const std::string& topic_arn, const std::string& token);

/// NOT a real signature: a deterministic placeholder derived from the signed fields
/// ("SIMULATED-" + MD5 hex), so that a changed message visibly changes it.
std::string PlaceholderSignature(const std::string& string_to_sign);

/// The Message as text: the string itself, or a synthetic body's JSON.
std::string MessageText(const Json& message);

/// {"name": {"Type": "String", "Value": "x"}}: attributes as notifications carry them.
Json NotificationAttributes(const Json& attributes);

/// The JSON notification document as HTTP/S, SQS and email-json subscribers receive it, with
/// SNS's key order: Type, MessageId, TopicArn, Subject (when set), Message, Timestamp,
/// SignatureVersion, Signature, SigningCertURL, UnsubscribeURL, MessageAttributes (when any).
std::string NotificationJson(const Environment& env, const std::string& topic_arn, const std::string& subscription_arn,
                             const PublishedMessage& m);

/// The SubscriptionConfirmation document sent to an HTTP/S endpoint: Type, MessageId, Token,
/// TopicArn, Message, SubscribeURL, Timestamp, SignatureVersion, Signature, SigningCertURL.
std::string ConfirmationJson(const Environment& env, const std::string& topic_arn, const std::string& message_id,
                             const std::string& token, int64_t timestamp_us);

/// The event a Lambda subscriber is invoked with: {"Records": [{"EventSource": "aws:sns",
/// "EventVersion": "1.0", "EventSubscriptionArn", "Sns": {Type, MessageId, TopicArn, Subject
/// (null when not set), Message, Timestamp, SignatureVersion, Signature, SigningCertUrl,
/// UnsubscribeUrl, MessageAttributes}}]}. Note the Lambda spelling "SigningCertUrl"/"UnsubscribeUrl".
Json LambdaEvent(const Environment& env, const std::string& topic_arn, const std::string& subscription_arn,
                 const PublishedMessage& m);

/// The plain-text email body: the message, then SNS's unsubscribe footer.
std::string EmailBody(const Environment& env, const std::string& subscription_arn, const PublishedMessage& m);

/// SNS's default email subject when the message has none.
inline constexpr const char* kDefaultEmailSubject = "AWS Notification Message";

}  // namespace eventlab::cloud::topics
