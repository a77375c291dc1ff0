// Code shaped like Agora's official C++ samples (RtcTokenBuilder2Sample,
// RtcTokenBuilderSample, RtmTokenBuilder2Sample, RtmTokenBuilderSample, and
// the Chat, FPA, APaaS and Education samples): the same includes-then-using,
// enum spellings, default arguments and overloads. That this file compiles
// unchanged against agora_token.hpp is the point; the checks only confirm
// each call produced a token.
#include <gtest/gtest.h>

#include <cstdint>
#include <string>

#include "agora_token.hpp"

using namespace agora::tools;

TEST(OfficialSamples, CompileAndBuild) {
  const std::string app_id = "970CA35de60c44645bbae8a215061b33";
  const std::string app_certificate = "5CFd2fd1755d40ecb72977518be15d3b";
  const std::string channel_name = "7d72365eb983485397e3e3f9d460bdda";
  const std::string account = "2082341273";
  const uint32_t uid = 2882341273;
  const uint32_t token_expiration_in_seconds = 3600;
  const uint32_t privilege_expiration_in_seconds = 3600;
  const uint32_t join_channel_privilege_expiration_in_seconds = 3600;
  const uint32_t pub_audio_privilege_expiration_in_seconds = 3600;
  const uint32_t pub_video_privilege_expiration_in_seconds = 3600;
  const uint32_t pub_data_stream_privilege_expiration_in_seconds = 3600;
  std::string result;

  // RtcTokenBuilder2Sample
  result = RtcTokenBuilder2::BuildTokenWithUid(app_id, app_certificate, channel_name, uid, UserRole::kRolePublisher, token_expiration_in_seconds,
                                               privilege_expiration_in_seconds);
  EXPECT_FALSE(result.empty());
  result = RtcTokenBuilder2::BuildTokenWithUserAccount(app_id, app_certificate, channel_name, account, UserRole::kRolePublisher,
                                                       token_expiration_in_seconds, privilege_expiration_in_seconds);
  EXPECT_FALSE(result.empty());
  result = RtcTokenBuilder2::BuildTokenWithUid(app_id, app_certificate, channel_name, uid, token_expiration_in_seconds,
                                               join_channel_privilege_expiration_in_seconds, pub_audio_privilege_expiration_in_seconds,
                                               pub_video_privilege_expiration_in_seconds, pub_data_stream_privilege_expiration_in_seconds);
  EXPECT_FALSE(result.empty());
  result = RtcTokenBuilder2::BuildTokenWithUserAccount(app_id, app_certificate, channel_name, account, token_expiration_in_seconds,
                                                       join_channel_privilege_expiration_in_seconds, pub_audio_privilege_expiration_in_seconds,
                                                       pub_video_privilege_expiration_in_seconds, pub_data_stream_privilege_expiration_in_seconds);
  EXPECT_FALSE(result.empty());
  result = RtcTokenBuilder2::BuildTokenWithRtm(app_id, app_certificate, channel_name, account, UserRole::kRolePublisher,
                                               token_expiration_in_seconds, privilege_expiration_in_seconds);
  EXPECT_FALSE(result.empty());
  result = RtcTokenBuilder2::BuildTokenWithRtm2(app_id, app_certificate, channel_name, account, UserRole::kRolePublisher,
                                                token_expiration_in_seconds, join_channel_privilege_expiration_in_seconds,
                                                pub_audio_privilege_expiration_in_seconds, pub_video_privilege_expiration_in_seconds,
                                                pub_data_stream_privilege_expiration_in_seconds, account, token_expiration_in_seconds);
  EXPECT_FALSE(result.empty());
  // Defaults: privilege_expire = 0, and the per-privilege expires = 0.
  EXPECT_FALSE(RtcTokenBuilder2::BuildTokenWithUid(app_id, app_certificate, channel_name, uid, UserRole::kRoleSubscriber, 600).empty());
  EXPECT_FALSE(RtcTokenBuilder2::BuildTokenWithUid(app_id, app_certificate, channel_name, uid, 600).empty());
  EXPECT_FALSE(RtcTokenBuilder2::BuildTokenWithUserAccount(app_id, app_certificate, channel_name, account, 600, 600).empty());
  EXPECT_FALSE(RtcTokenBuilder2::BuildTokenWithRtm(app_id, app_certificate, channel_name, account, UserRole::kRolePublisher, 600).empty());

  // RtcTokenBuilderSample (006)
  const uint32_t privilegeExpiredTs = 1446455471;
  result = RtcTokenBuilder::buildTokenWithUid(app_id, app_certificate, channel_name, uid, UserRole::Role_Publisher, privilegeExpiredTs);
  EXPECT_FALSE(result.empty());
  result = RtcTokenBuilder::buildTokenWithUserAccount(app_id, app_certificate, channel_name, account, UserRole::Role_Publisher, privilegeExpiredTs);
  EXPECT_FALSE(result.empty());
  EXPECT_FALSE(RtcTokenBuilder::buildTokenWithUid(app_id, app_certificate, channel_name, uid, Role_Subscriber).empty());
  EXPECT_FALSE(RtcTokenBuilder::buildTokenWithUserAccount(app_id, app_certificate, channel_name, account, Role_Attendee).empty());

  // RtmTokenBuilder2Sample
  const std::string user_id = "test_user_id";
  result = RtmTokenBuilder2::BuildToken(app_id, app_certificate, user_id, token_expiration_in_seconds);
  EXPECT_FALSE(result.empty());
  ServiceRtm2::Permissions permissions;
  permissions.Add(ServiceRtm2::Permissions::kMessageChannels, ServiceRtm2::Permissions::kRead, {"channel1", "channel2"});
  permissions.Add(ServiceRtm2::Permissions::kStreamChannels, ServiceRtm2::Permissions::kWrite, {"stream1"});
  result = RtmTokenBuilder2::BuildToken(app_id, app_certificate, user_id, permissions, token_expiration_in_seconds);
  EXPECT_FALSE(result.empty());
  EXPECT_FALSE(RtmTokenBuilder2::BuildToken(app_id, app_certificate, user_id).empty());

  // RtmTokenBuilderSample (006)
  result = RtmTokenBuilder::buildToken(app_id, app_certificate, user_id, RtmUserRole::Rtm_User, privilegeExpiredTs);
  EXPECT_FALSE(result.empty());

  // Chat, FPA, APaaS and Education samples
  EXPECT_FALSE(ChatTokenBuilder2::BuildUserToken(app_id, app_certificate, user_id, 600).empty());
  EXPECT_FALSE(ChatTokenBuilder2::BuildAppToken(app_id, app_certificate, 600).empty());
  EXPECT_FALSE(ChatTokenBuilder2::BuildAppToken(app_id, app_certificate).empty());
  EXPECT_FALSE(FpaTokenBuilder::BuildToken(app_id, app_certificate).empty());
  const std::string room_uuid = "123", user_uuid = "2882341273";
  const int16_t role = 1;
  EXPECT_FALSE(ApaasTokenBuilder::BuildRoomUserToken(app_id, app_certificate, room_uuid, user_uuid, role, 600).empty());
  EXPECT_FALSE(ApaasTokenBuilder::BuildUserToken(app_id, app_certificate, user_uuid, 600).empty());
  EXPECT_FALSE(ApaasTokenBuilder::BuildAppToken(app_id, app_certificate, 600).empty());
  EXPECT_FALSE(EducationTokenBuilder2::BuildRoomUserToken(app_id, app_certificate, room_uuid, user_uuid, role, 600).empty());
  EXPECT_FALSE(EducationTokenBuilder2::BuildUserToken(app_id, app_certificate, user_uuid, 600).empty());
  EXPECT_FALSE(EducationTokenBuilder2::BuildAppToken(app_id, app_certificate, 600).empty());
}
